package fr.dwwm.comptoir.module;

import java.util.Map;

import fr.dwwm.comptoir.module.api.DisplayHook;
import fr.dwwm.comptoir.security.AccountPrincipal;
import fr.dwwm.comptoir.web.BackOfficeFlash;
import fr.dwwm.comptoir.web.NoIndex;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import static org.springframework.http.HttpStatus.NOT_FOUND;

/**
 * The modules screen of the back-office, for administrators: every module found, its
 * lifecycle (install, enable, disable, upgrade, uninstall after confirmation) and its
 * settings form, generated from the settings it declares.
 */
@Controller
@NoIndex
class AdminModuleController {

	/** Flash attribute naming the module whose card shows the answer of an action. */
	static final String ANSWERED_MODULE = "answeredModule";

	private final ModuleRegistry registry;

	private final ModuleLifecycle lifecycle;

	AdminModuleController(ModuleRegistry registry, ModuleLifecycle lifecycle) {
		this.registry = registry;
		this.lifecycle = lifecycle;
	}

	@GetMapping("/admin/modules")
	String list(Model model) {
		model.addAttribute("modules", this.registry.all());
		return "admin/modules";
	}

	@GetMapping("/admin/modules/{code}")
	String detail(@PathVariable String code, Model model) {
		ModuleRegistry.ModuleStatus module = this.registry.find(code)
			.orElseThrow(() -> new ResponseStatusException(NOT_FOUND));
		model.addAttribute("module", module);
		if (!model.containsAttribute("values")) {
			model.addAttribute("values", module.settings().all());
		}
		model.addAttribute("hookNames", DisplayHook.ALL);
		return "admin/module";
	}

	@PostMapping("/admin/modules/{code}/{action:install|enable|disable|upgrade}")
	String lifecycle(@PathVariable String code, @PathVariable String action,
			@AuthenticationPrincipal AccountPrincipal user, RedirectAttributes redirect) {
		try {
			switch (action) {
				case "install" -> this.lifecycle.install(code, user.getAccountId());
				case "enable" -> this.lifecycle.enable(code, user.getAccountId());
				case "disable" -> this.lifecycle.disable(code, user.getAccountId());
				default -> this.lifecycle.upgrade(code, user.getAccountId());
			}
			redirect.addFlashAttribute(BackOfficeFlash.MESSAGE, "admin.modules.done." + action);
		}
		catch (ModuleRefusal refusal) {
			redirect.addFlashAttribute(BackOfficeFlash.ERROR, refusal.messageKey());
		}
		// The page opens at this module's card, where the answer is written: at the top
		// of
		// the page it was scrolled out of sight.
		redirect.addFlashAttribute(ANSWERED_MODULE, code);
		return "redirect:/admin/modules#module-" + code;
	}

	@PostMapping("/admin/modules/{code}/uninstall")
	String uninstall(@PathVariable String code, @RequestParam(defaultValue = "") String confirmation,
			@AuthenticationPrincipal AccountPrincipal user, RedirectAttributes redirect) {
		try {
			this.lifecycle.uninstall(code, confirmation, user.getAccountId());
			redirect.addFlashAttribute(BackOfficeFlash.MESSAGE, "admin.modules.done.uninstall");
			return "redirect:/admin/modules";
		}
		catch (ModuleRefusal refusal) {
			redirect.addFlashAttribute(BackOfficeFlash.ERROR, refusal.messageKey());
			return "redirect:/admin/modules/" + code + "#uninstall";
		}
	}

	@PostMapping("/admin/modules/{code}/settings")
	String configure(@PathVariable String code, @RequestParam MultiValueMap<String, String> form,
			@AuthenticationPrincipal AccountPrincipal user, RedirectAttributes redirect) {
		Map<String, String> values = form.toSingleValueMap();
		try {
			Map<String, String> errors = this.lifecycle.configure(code, values, user.getAccountId());
			if (!errors.isEmpty()) {
				redirect.addFlashAttribute("values", values);
				redirect.addFlashAttribute("errors", errors);
				redirect.addFlashAttribute(BackOfficeFlash.ERROR, "admin.modules.settings.invalid");
			}
			else {
				redirect.addFlashAttribute(BackOfficeFlash.MESSAGE, "admin.modules.settings.saved");
			}
		}
		catch (ModuleRefusal refusal) {
			redirect.addFlashAttribute(BackOfficeFlash.ERROR, refusal.messageKey());
		}
		return "redirect:/admin/modules/" + code;
	}

}
