package fr.dwwm.comptoir.module;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import fr.dwwm.comptoir.module.api.DisplayHook;
import fr.dwwm.comptoir.security.AccountPrincipal;
import fr.dwwm.comptoir.web.BackOfficeFlash;
import fr.dwwm.comptoir.web.NoIndex;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The display hooks screen, for editors and administrators: which modules show in each
 * slot of the pages, in which order; move a module up or down, to another slot it can
 * render in, or out of a slot.
 */
@Controller
@NoIndex
class AdminHookController {

	/**
	 * The shape of a hook's name, as the database checks it ({@code module_hook.hook}).
	 */
	private static final Pattern HOOK_NAME = Pattern.compile("(display|action)[A-Z][A-Za-z]+");

	private final ModuleRegistry registry;

	private final ModuleLifecycle lifecycle;

	AdminHookController(ModuleRegistry registry, ModuleLifecycle lifecycle) {
		this.registry = registry;
		this.lifecycle = lifecycle;
	}

	@GetMapping("/admin/hooks")
	String hooks(Model model) {
		List<ModuleRegistry.ModuleStatus> installed = this.registry.all()
			.stream()
			.filter(ModuleRegistry.ModuleStatus::installed)
			.toList();
		Map<String, List<ModuleRegistry.ModuleStatus>> byHook = new LinkedHashMap<>();
		Map<String, List<ModuleRegistry.ModuleStatus>> addable = new LinkedHashMap<>();
		for (String hook : DisplayHook.ALL) {
			byHook.put(hook, this.registry.placedIn(hook));
			addable.put(hook, installed.stream()
				.filter((module) -> module.descriptor().hooks().contains(hook) && !module.hooks().contains(hook))
				.toList());
		}
		model.addAttribute("hooks", byHook);
		model.addAttribute("addable", addable);
		return "admin/hooks";
	}

	@PostMapping("/admin/hooks/move")
	String move(@RequestParam String module, @RequestParam String hook, @RequestParam String direction,
			@AuthenticationPrincipal AccountPrincipal user, RedirectAttributes redirect) {
		this.lifecycle.move(module, hook, "up".equals(direction), user.getAccountId());
		redirect.addFlashAttribute(BackOfficeFlash.MESSAGE, "admin.hooks.moved");
		return backTo(hook);
	}

	@PostMapping("/admin/hooks/place")
	String place(@RequestParam String module, @RequestParam String hook, @AuthenticationPrincipal AccountPrincipal user,
			RedirectAttributes redirect) {
		try {
			this.lifecycle.place(module, hook, user.getAccountId());
			redirect.addFlashAttribute(BackOfficeFlash.MESSAGE, "admin.hooks.placed");
		}
		catch (ModuleRefusal refusal) {
			redirect.addFlashAttribute(BackOfficeFlash.ERROR, refusal.messageKey());
		}
		return backTo(hook);
	}

	@PostMapping("/admin/hooks/remove")
	String remove(@RequestParam String module, @RequestParam String hook,
			@AuthenticationPrincipal AccountPrincipal user, RedirectAttributes redirect) {
		this.lifecycle.unplace(module, hook, user.getAccountId());
		redirect.addFlashAttribute(BackOfficeFlash.MESSAGE, "admin.hooks.removed");
		return backTo(hook);
	}

	/**
	 * Back to the hooks screen, at the hook just changed. The hook comes from the form:
	 * it is written into the {@code Location} header only when it has a hook's shape,
	 * never as sent (a line break there would be a response splitting attempt, which the
	 * server refuses with a 500).
	 */
	private static String backTo(String hook) {
		return HOOK_NAME.matcher(hook).matches() ? "redirect:/admin/hooks#hook-" + hook : "redirect:/admin/hooks";
	}

}
