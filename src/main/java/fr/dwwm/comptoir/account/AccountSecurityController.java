package fr.dwwm.comptoir.account;

import fr.dwwm.comptoir.web.NoIndex;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import fr.dwwm.comptoir.security.AuditLog;
import fr.dwwm.comptoir.security.PasswordPolicy;
import fr.dwwm.comptoir.security.UserSessions;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The account's security page: password, second factor and open sessions. Changing the
 * password asks for the current password again; replacing or removing the second factor
 * asks for the password and a current code (or a recovery code). Each password typed
 * again is counted by the login throttle ({@link PasswordConfirmation}).
 */
@Controller
@NoIndex
class AccountSecurityController {

	private final AccountRepository accounts;

	private final PasswordConfirmation passwordConfirmation;

	private final PasswordChange passwordChange;

	private final SecondFactor secondFactor;

	private final UserSessions sessions;

	private final AuditLog audit;

	private final PasskeyCredentials passkeys;

	private final Clock clock;

	private final StaffPasswordExpiry passwordExpiry;

	AccountSecurityController(AccountRepository accounts, PasswordConfirmation passwordConfirmation,
			PasswordChange passwordChange, SecondFactor secondFactor, UserSessions sessions, AuditLog audit,
			PasskeyCredentials passkeys, Clock clock, StaffPasswordExpiry passwordExpiry) {
		this.passkeys = passkeys;
		this.accounts = accounts;
		this.passwordConfirmation = passwordConfirmation;
		this.passwordChange = passwordChange;
		this.secondFactor = secondFactor;
		this.sessions = sessions;
		this.audit = audit;
		this.clock = clock;
		this.passwordExpiry = passwordExpiry;
	}

	@GetMapping("/account/security")
	String page(@AuthenticationPrincipal ShopUser user, HttpSession session, Model model) {
		Account account = this.accounts.findById(user.getAccountId()).orElseThrow();
		model.addAttribute("account", account);
		model.addAttribute("sessions", this.sessions.of(user.getUsername(), session.getId()));
		model.addAttribute("recoveryCodes", this.secondFactor.remainingRecoveryCodes(account.getId()));
		model.addAttribute("passkeys", this.passkeys.of(account.getId()));
		model.addAttribute("passkeyLimit", PasskeyCredentials.MAX_PER_ACCOUNT);
		model.addAttribute("passwordExpired", this.passwordExpiry.mustChange(session));
		model.addAttribute("minimumLength",
				account.getRole().isStaff() ? PasswordPolicy.STAFF_MIN_LENGTH : PasswordPolicy.CUSTOMER_MIN_LENGTH);
		return "account/security";
	}

	@PostMapping("/account/security/password")
	String changePassword(@AuthenticationPrincipal ShopUser user, @RequestParam(defaultValue = "") String current,
			@RequestParam(defaultValue = "") String password, HttpServletRequest request, HttpSession session,
			Locale locale, RedirectAttributes redirect) {
		if (!this.passwordConfirmation.confirms(user.getAccountId(), current, request.getRemoteAddr(),
				"PASSWORD_CHANGE")) {
			redirect.addFlashAttribute("passwordProblems", List.of("password.current-wrong"));
			return "redirect:/account/security";
		}
		List<String> problems = this.passwordChange.change(user.getAccountId(), password, session.getId(), locale);
		if (!problems.isEmpty()) {
			redirect.addFlashAttribute("passwordProblems", problems);
			return "redirect:/account/security";
		}
		StaffPasswordExpiry.changed(session);
		redirect.addFlashAttribute("accountMessage", "account.security.password-changed");
		return "redirect:/account/security";
	}

	@PostMapping("/account/security/two-factor/disable")
	String disableSecondFactor(@AuthenticationPrincipal ShopUser user, @RequestParam(defaultValue = "") String current,
			@RequestParam(defaultValue = "") String code, HttpServletRequest request, RedirectAttributes redirect) {
		if (!provesBothFactors(user, current, code, request, "MFA_DISABLE")
				|| !this.secondFactor.disable(user.getAccountId())) {
			redirect.addFlashAttribute("accountMessage", "account.security.two-factor.not-disabled");
			return "redirect:/account/security";
		}
		redirect.addFlashAttribute("accountMessage", "account.security.two-factor.disabled");
		return "redirect:/account/security";
	}

	@PostMapping("/account/security/two-factor/replace")
	String replaceSecondFactor(@AuthenticationPrincipal ShopUser user, @RequestParam(defaultValue = "") String current,
			@RequestParam(defaultValue = "") String code, HttpServletRequest request, RedirectAttributes redirect) {
		if (!provesBothFactors(user, current, code, request, "MFA_REPLACE")) {
			redirect.addFlashAttribute("accountMessage", "account.security.two-factor.not-replaced");
			return "redirect:/account/security";
		}
		SecondFactorController.allowReplacement(request.getSession(), user.getAccountId(), Instant.now(this.clock));
		return "redirect:/login/second-factor";
	}

	/**
	 * The password (throttled like a login) then a current code of the factor (counted
	 * like one at login): both, or the factor stays as it is.
	 */
	private boolean provesBothFactors(ShopUser user, String password, String code, HttpServletRequest request,
			String action) {
		return this.passwordConfirmation.confirms(user.getAccountId(), password, request.getRemoteAddr(), action)
				&& this.secondFactor.verify(user.getAccountId(), code);
	}

	@PostMapping("/account/security/two-factor/enable")
	String enableSecondFactor() {
		// The same pages as a staff member's first login; the account asks for a second
		// factor from now on.
		return "redirect:/login/second-factor";
	}

	@PostMapping("/account/security/sessions/end")
	String endSession(@AuthenticationPrincipal ShopUser user, @RequestParam(defaultValue = "") String session,
			RedirectAttributes redirect) {
		boolean ended = this.sessions.end(user.getUsername(), session);
		if (ended) {
			this.audit.record("SESSION_END", AuditLog.Outcome.SUCCESS, user.getAccountId(), null, Map.of());
		}
		redirect.addFlashAttribute("accountMessage",
				ended ? "account.security.session-ended" : "account.security.session-unknown");
		return "redirect:/account/security";
	}

	@PostMapping("/account/security/sessions/end-others")
	String endOtherSessions(@AuthenticationPrincipal ShopUser user, HttpSession session, RedirectAttributes redirect) {
		int ended = this.sessions.endAllBut(user.getUsername(), session.getId());
		this.audit.record("SESSION_END", AuditLog.Outcome.SUCCESS, user.getAccountId(), null, Map.of("ended", ended));
		redirect.addFlashAttribute("accountMessage", "account.security.sessions-ended");
		return "redirect:/account/security";
	}

}
