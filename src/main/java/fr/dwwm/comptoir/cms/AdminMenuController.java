package fr.dwwm.comptoir.cms;

import fr.dwwm.comptoir.web.NoIndex;
import java.util.LinkedHashMap;
import java.util.Map;

import fr.dwwm.comptoir.catalog.CategoryAdministration;
import fr.dwwm.comptoir.security.AccountPrincipal;
import jakarta.validation.Valid;

import org.springframework.beans.propertyeditors.StringTrimmerEditor;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import static org.springframework.http.HttpStatus.NOT_FOUND;

/**
 * The header and footer menus in the back-office (editors and administrators): their
 * links in order, a form to add or change a link (to a page, a category or a path of the
 * shop), moving a link up or down, deleting it once confirmed. The rules live in
 * {@link MenuAdministration}.
 */
@Controller
@NoIndex
class AdminMenuController {

	private final MenuAdministration menus;

	private final CategoryAdministration categories;

	AdminMenuController(MenuAdministration menus, CategoryAdministration categories) {
		this.menus = menus;
		this.categories = categories;
	}

	@InitBinder("menuItem")
	void allowedFields(WebDataBinder binder) {
		binder.setAllowedFields("menuCode", "label", "target", "pageId", "categoryId", "path");
		binder.registerCustomEditor(String.class, new StringTrimmerEditor(true));
	}

	@GetMapping("/admin/menus")
	String list(Model model) {
		Map<String, Object> items = new LinkedHashMap<>();
		for (String code : Menus.CODES) {
			items.put(code, this.menus.items(code));
		}
		model.addAttribute("menus", items);
		return "admin/menus";
	}

	@GetMapping("/admin/menus/new")
	String newForm(@RequestParam(name = "menu", required = false) String menuCode, Model model) {
		MenuItemForm form = new MenuItemForm();
		if (menuCode != null && Menus.CODES.contains(menuCode)) {
			form.setMenuCode(menuCode);
		}
		return formPage(null, form, model);
	}

	@PostMapping("/admin/menus")
	String add(@Valid @ModelAttribute("menuItem") MenuItemForm form, BindingResult errors,
			@AuthenticationPrincipal AccountPrincipal staff, Model model, RedirectAttributes redirect) {
		if (errors.hasErrors()) {
			return formPage(null, form, model);
		}
		try {
			this.menus.add(form, staff.getAccountId());
		}
		catch (CmsRefusal refusal) {
			refusal.rejectIn(errors);
			return formPage(null, form, model);
		}
		redirect.addFlashAttribute(AdminPageController.MESSAGE, "admin.menus.added");
		return "redirect:/admin/menus";
	}

	@GetMapping("/admin/menus/items/{id}")
	String editForm(@PathVariable long id, Model model) {
		MenuAdministration.Item item = find(id);
		return formPage(item, MenuItemForm.of(item), model);
	}

	@PostMapping("/admin/menus/items/{id}")
	String update(@PathVariable long id, @Valid @ModelAttribute("menuItem") MenuItemForm form, BindingResult errors,
			@AuthenticationPrincipal AccountPrincipal staff, Model model, RedirectAttributes redirect) {
		MenuAdministration.Item item = find(id);
		// A link stays in its menu: the form does not offer to move it to the other one.
		form.setMenuCode(item.menuCode());
		if (errors.hasErrors()) {
			return formPage(item, form, model);
		}
		try {
			this.menus.update(id, form, staff.getAccountId());
		}
		catch (CmsRefusal refusal) {
			refusal.rejectIn(errors);
			return formPage(item, form, model);
		}
		redirect.addFlashAttribute(AdminPageController.MESSAGE, "admin.menus.saved");
		return "redirect:/admin/menus";
	}

	@PostMapping("/admin/menus/items/{id}/move")
	String reorder(@PathVariable long id, @RequestParam(defaultValue = "") String direction,
			@AuthenticationPrincipal AccountPrincipal staff) {
		find(id);
		this.menus.reorder(id, "up".equals(direction), staff.getAccountId());
		return "redirect:/admin/menus";
	}

	@PostMapping("/admin/menus/items/{id}/delete")
	String delete(@PathVariable long id, @RequestParam(defaultValue = "false") boolean confirm,
			@AuthenticationPrincipal AccountPrincipal staff, RedirectAttributes redirect) {
		find(id);
		if (!confirm) {
			// A deletion cannot be undone: the form asks to tick a box first.
			redirect.addFlashAttribute(AdminPageController.ERROR, "admin.menus.delete.unconfirmed");
			return "redirect:/admin/menus/items/" + id;
		}
		this.menus.delete(id, staff.getAccountId());
		redirect.addFlashAttribute(AdminPageController.MESSAGE, "admin.menus.deleted");
		return "redirect:/admin/menus";
	}

	private MenuAdministration.Item find(long id) {
		return this.menus.find(id).orElseThrow(() -> new ResponseStatusException(NOT_FOUND));
	}

	private String formPage(MenuAdministration.Item item, MenuItemForm form, Model model) {
		model.addAttribute("menuItem", form);
		model.addAttribute("item", item);
		model.addAttribute("menuCodes", Menus.CODES);
		model.addAttribute("pageChoices", this.menus.pages());
		model.addAttribute("categories", this.categories.all());
		return "admin/menu-item-form";
	}

}
