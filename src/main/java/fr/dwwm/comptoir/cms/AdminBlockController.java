package fr.dwwm.comptoir.cms;

import fr.dwwm.comptoir.web.NoIndex;
import fr.dwwm.comptoir.security.AccountPrincipal;
import fr.dwwm.comptoir.security.RichTextSanitizer;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.springframework.beans.propertyeditors.StringTrimmerEditor;
import org.springframework.http.HttpStatus;
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
 * HTML blocks in the back-office (editors and administrators): the blocks of each display
 * hook in order; the form to create or change one (rich text), which refuses a stale
 * form; showing or hiding, moving up or down, deleting once confirmed. The rules live in
 * {@link BlockAdministration}.
 */
@Controller
@NoIndex
class AdminBlockController {

	private final BlockAdministration blocks;

	private final RichTextSanitizer sanitizer;

	AdminBlockController(BlockAdministration blocks, RichTextSanitizer sanitizer) {
		this.blocks = blocks;
		this.sanitizer = sanitizer;
	}

	@InitBinder("block")
	void allowedFields(WebDataBinder binder) {
		binder.setAllowedFields("hook", "title", "contentHtml", "active", "version");
		binder.registerCustomEditor(String.class, new StringTrimmerEditor(true));
	}

	@GetMapping("/admin/blocks")
	String list(Model model) {
		model.addAttribute("hooks", this.blocks.all());
		return "admin/blocks";
	}

	@GetMapping("/admin/blocks/new")
	String newForm(@RequestParam(required = false) String hook, Model model) {
		BlockForm form = new BlockForm();
		if (hook != null && CmsBlocks.HOOKS.contains(hook)) {
			form.setHook(hook);
		}
		return formPage(null, form, model);
	}

	@PostMapping("/admin/blocks")
	String create(@Valid @ModelAttribute("block") BlockForm form, BindingResult errors,
			@AuthenticationPrincipal AccountPrincipal staff, Model model, RedirectAttributes redirect) {
		if (errors.hasErrors()) {
			return formPage(null, form, model);
		}
		try {
			long id = this.blocks.create(form, staff.getAccountId());
			redirect.addFlashAttribute(AdminPageController.MESSAGE, "admin.blocks.created");
			return "redirect:/admin/blocks/" + id;
		}
		catch (CmsRefusal refusal) {
			refusal.rejectIn(errors);
			return formPage(null, form, model);
		}
	}

	@GetMapping("/admin/blocks/{id}")
	String editForm(@PathVariable long id, Model model) {
		BlockAdministration.Details details = find(id);
		return formPage(details, BlockForm.of(details), model);
	}

	@PostMapping("/admin/blocks/{id}")
	String update(@PathVariable long id, @Valid @ModelAttribute("block") BlockForm form, BindingResult errors,
			@AuthenticationPrincipal AccountPrincipal staff, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		BlockAdministration.Details details = find(id);
		if (form.getVersion() == null || form.getVersion() != details.version()) {
			return stale(details, form, model, response);
		}
		if (errors.hasErrors()) {
			return formPage(details, form, model);
		}
		try {
			this.blocks.update(id, form, staff.getAccountId());
		}
		catch (CmsRefusal refusal) {
			if (refusal.isStale()) {
				return stale(details, form, model, response);
			}
			refusal.rejectIn(errors);
			return formPage(details, form, model);
		}
		redirect.addFlashAttribute(AdminPageController.MESSAGE, "admin.blocks.saved");
		return "redirect:/admin/blocks/" + id;
	}

	@PostMapping("/admin/blocks/{id}/active")
	String activate(@PathVariable long id, @RequestParam(defaultValue = "false") boolean active,
			@AuthenticationPrincipal AccountPrincipal staff, RedirectAttributes redirect) {
		if (!this.blocks.activate(id, active, staff.getAccountId())) {
			throw new ResponseStatusException(NOT_FOUND);
		}
		redirect.addFlashAttribute(AdminPageController.MESSAGE,
				active ? "admin.blocks.activated" : "admin.blocks.deactivated");
		return "redirect:/admin/blocks";
	}

	@PostMapping("/admin/blocks/{id}/move")
	String reorder(@PathVariable long id, @RequestParam(defaultValue = "") String direction,
			@AuthenticationPrincipal AccountPrincipal staff) {
		find(id);
		this.blocks.reorder(id, "up".equals(direction), staff.getAccountId());
		return "redirect:/admin/blocks";
	}

	@PostMapping("/admin/blocks/{id}/delete")
	String delete(@PathVariable long id, @RequestParam(defaultValue = "false") boolean confirm,
			@AuthenticationPrincipal AccountPrincipal staff, RedirectAttributes redirect) {
		find(id);
		if (!confirm) {
			// A deletion cannot be undone: the form asks to tick a box first.
			redirect.addFlashAttribute(AdminPageController.ERROR, "admin.blocks.delete.unconfirmed");
			return "redirect:/admin/blocks/" + id;
		}
		this.blocks.delete(id, staff.getAccountId());
		redirect.addFlashAttribute(AdminPageController.MESSAGE, "admin.blocks.deleted");
		return "redirect:/admin/blocks";
	}

	private BlockAdministration.Details find(long id) {
		return this.blocks.find(id).orElseThrow(() -> new ResponseStatusException(NOT_FOUND));
	}

	/**
	 * The form again with what was typed, and the message that the block changed; 409.
	 */
	private String stale(BlockAdministration.Details details, BlockForm form, Model model,
			HttpServletResponse response) {
		response.setStatus(HttpStatus.CONFLICT.value());
		model.addAttribute("stale", true);
		return formPage(details, form, model);
	}

	private String formPage(BlockAdministration.Details details, BlockForm form, Model model) {
		model.addAttribute("block", form);
		model.addAttribute("details", details);
		model.addAttribute("hookNames", CmsBlocks.HOOKS);
		if (details != null) {
			// The block as pages show it: its stored HTML through the allow-list again.
			model.addAttribute("safeContent", this.sanitizer.sanitize(details.contentHtml()));
		}
		return "admin/block-form";
	}

}
