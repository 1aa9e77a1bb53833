package fr.dwwm.comptoir.catalog;

import fr.dwwm.comptoir.web.BackOfficeFlash;
import fr.dwwm.comptoir.web.NoIndex;
import fr.dwwm.comptoir.catalog.CategoryAdministration.CategoryRefusal;

import fr.dwwm.comptoir.security.AccountPrincipal;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import static org.springframework.http.HttpStatus.NOT_FOUND;

/**
 * The category tree in the back-office: create, rename, move, reorder, publish. Editors
 * and administrators.
 */
@Controller
@NoIndex
class AdminCategoryController {

	private final CategoryAdministration categories;

	private final CatalogAudit audit;

	AdminCategoryController(CategoryAdministration categories, CatalogAudit audit) {
		this.audit = audit;
		this.categories = categories;
	}

	@GetMapping("/admin/categories")
	String list(Model model) {
		model.addAttribute("categories", this.categories.all());
		return "admin/categories";
	}

	@PostMapping("/admin/categories")
	String create(@RequestParam(defaultValue = "") String name, @RequestParam(required = false) Long parentId,
			@AuthenticationPrincipal AccountPrincipal staff, RedirectAttributes redirect) {
		try {
			long id = this.categories.create(name, parentId);
			this.audit.changed("CATEGORY_CREATE", staff.getAccountId(), "category:" + id, null,
					this.categories.find(id).orElseThrow());
			redirect.addFlashAttribute(BackOfficeFlash.MESSAGE, "admin.categories.created");
			return "redirect:/admin/categories/" + id;
		}
		catch (CategoryRefusal refusal) {
			redirect.addFlashAttribute(BackOfficeFlash.ERROR, refusal.messageKey());
			return "redirect:/admin/categories";
		}
	}

	@GetMapping("/admin/categories/{id}")
	String edit(@PathVariable long id, Model model) {
		model.addAttribute("category",
				this.categories.find(id).orElseThrow(() -> new ResponseStatusException(NOT_FOUND)));
		model.addAttribute("categories", this.categories.all());
		return "admin/category";
	}

	@PostMapping("/admin/categories/{id}")
	String update(@PathVariable long id, @RequestParam(defaultValue = "") String name,
			@RequestParam(required = false) Long parentId, @RequestParam(defaultValue = "false") boolean active,
			@AuthenticationPrincipal AccountPrincipal staff, RedirectAttributes redirect) {
		CategoryAdministration.Row before = this.categories.find(id)
			.orElseThrow(() -> new ResponseStatusException(NOT_FOUND));
		try {
			this.categories.update(id, name, parentId, active);
			this.audit.changed("CATEGORY_UPDATE", staff.getAccountId(), "category:" + id, before,
					this.categories.find(id).orElseThrow());
			redirect.addFlashAttribute(BackOfficeFlash.MESSAGE, "admin.categories.saved");
		}
		catch (CategoryRefusal refusal) {
			redirect.addFlashAttribute(BackOfficeFlash.ERROR, refusal.messageKey());
		}
		return "redirect:/admin/categories/" + id;
	}

	@PostMapping("/admin/categories/{id}/move")
	String reorder(@PathVariable long id, @RequestParam String direction,
			@AuthenticationPrincipal AccountPrincipal staff) {
		this.categories.reorder(id, "up".equals(direction));
		this.audit.did("CATEGORY_MOVE", staff.getAccountId(), "category:" + id,
				java.util.Map.of("direction", "up".equals(direction) ? "up" : "down"));
		return "redirect:/admin/categories";
	}

}
