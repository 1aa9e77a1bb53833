package fr.dwwm.comptoir.admin;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

import fr.dwwm.comptoir.account.Role;
import fr.dwwm.comptoir.account.ShopUser;
import fr.dwwm.comptoir.account.StaffAdministration;
import fr.dwwm.comptoir.web.BackOfficeFlash;
import fr.dwwm.comptoir.web.NoIndex;
import jakarta.servlet.http.HttpServletRequest;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Staff accounts in the back office (administrators only): the list, the invitation of an
 * editor or an administrator, and for each member their role, disabling and enabling. The
 * rules (never one's own account, never the last administrator) and the audit log are in
 * {@link StaffAdministration}.
 */
@Controller
@NoIndex
class AdminStaffController {

	private final StaffAdministration staff;

	AdminStaffController(StaffAdministration staff) {
		this.staff = staff;
	}

	@InitBinder("invite")
	void allowedFields(WebDataBinder binder) {
		binder.setAllowedFields("email", "firstName", "lastName", "role");
		binder.registerCustomEditor(String.class, new StringTrimmerEditor(true));
	}

	@GetMapping("/admin/staff")
	String list(@AuthenticationPrincipal ShopUser user, Model model) {
		if (!model.containsAttribute("invite")) {
			model.addAttribute("invite", new StaffInviteForm());
		}
		return page(user, model);
	}

	@PostMapping("/admin/staff")
	String invite(@Valid @ModelAttribute("invite") StaffInviteForm invite, BindingResult errors,
			@AuthenticationPrincipal ShopUser user, Model model, Locale locale, RedirectAttributes redirect) {
		if (errors.hasErrors()) {
			return page(user, model);
		}
		Optional<StaffAdministration.Refusal> refusal = this.staff.invite(invite.getEmail(), invite.getFirstName(),
				invite.getLastName(), invite.getRole(), user.getAccountId(), locale);
		if (refusal.isPresent()) {
			model.addAttribute("refusal", refusal.get());
			return page(user, model);
		}
		redirect.addFlashAttribute(BackOfficeFlash.MESSAGE, "admin.staff.invited");
		return "redirect:/admin/staff";
	}

	@PostMapping("/admin/staff/{id}/role")
	String role(@PathVariable long id, @RequestParam(defaultValue = "") String role,
			@AuthenticationPrincipal ShopUser user, HttpServletRequest request, RedirectAttributes redirect) {
		Optional<Role> wanted = Arrays.stream(Role.values()).filter((r) -> r.name().equals(role)).findFirst();
		return done(redirect, "admin.staff.role-changed",
				wanted.map((r) -> this.staff.changeRole(id, r, user.getAccountId(), request.getRemoteAddr()))
					.orElse(Optional.of(StaffAdministration.Refusal.NOT_STAFF)));
	}

	@PostMapping("/admin/staff/{id}/disable")
	String disable(@PathVariable long id, @AuthenticationPrincipal ShopUser user, RedirectAttributes redirect) {
		return done(redirect, "admin.staff.disabled", this.staff.disable(id, user.getAccountId()));
	}

	@PostMapping("/admin/staff/{id}/enable")
	String enable(@PathVariable long id, @AuthenticationPrincipal ShopUser user, RedirectAttributes redirect) {
		return done(redirect, "admin.staff.enabled", this.staff.enable(id, user.getAccountId()));
	}

	@PostMapping("/admin/staff/{id}/reinvite")
	String reinvite(@PathVariable long id, @AuthenticationPrincipal ShopUser user, Locale locale,
			RedirectAttributes redirect) {
		return done(redirect, "admin.staff.reinvited", this.staff.reinvite(id, user.getAccountId(), locale));
	}

	private String page(ShopUser user, Model model) {
		model.addAttribute("members", this.staff.members());
		model.addAttribute("me", user.getAccountId());
		model.addAttribute("staffRoles", new Role[] { Role.EDITOR, Role.ADMIN });
		return "admin/staff";
	}

	private static String done(RedirectAttributes redirect, String message,
			Optional<StaffAdministration.Refusal> refusal) {
		if (refusal.isPresent()) {
			redirect.addFlashAttribute(BackOfficeFlash.ERROR, "admin.staff.refused." + refusal.get().name());
		}
		else {
			redirect.addFlashAttribute(BackOfficeFlash.MESSAGE, message);
		}
		return "redirect:/admin/staff";
	}

}
