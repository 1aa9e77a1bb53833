package fr.dwwm.comptoir.account;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import fr.dwwm.comptoir.mail.MailOutbox;
import fr.dwwm.comptoir.security.AuditLog;
import fr.dwwm.comptoir.security.PasswordPolicy;
import fr.dwwm.comptoir.security.UserSessions;
import jakarta.servlet.http.HttpSession;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The account's security page: password, second factor and open sessions. Changing the
 * password or removing the second factor asks for the current password again.
 */
@Controller
class AccountSecurityController {

	private final AccountRepository accounts;

	private final PasswordEncoder passwordEncoder;

	private final PasswordPolicy policy;

	private final SecondFactor secondFactor;

	private final UserSessions sessions;

	private final MailOutbox mails;

	private final AuditLog audit;

	private final String publicUrl;

	AccountSecurityController(AccountRepository accounts, PasswordEncoder passwordEncoder, PasswordPolicy policy,
			SecondFactor secondFactor, UserSessions sessions, MailOutbox mails, AuditLog audit,
			@Value("${app.public-url}") String publicUrl) {
		this.accounts = accounts;
		this.passwordEncoder = passwordEncoder;
		this.policy = policy;
		this.secondFactor = secondFactor;
		this.sessions = sessions;
		this.mails = mails;
		this.audit = audit;
		this.publicUrl = publicUrl;
	}

	@GetMapping("/account/security")
	String page(@AuthenticationPrincipal ShopUser user, HttpSession session, Model model) {
		Account account = this.accounts.findById(user.getAccountId()).orElseThrow();
		model.addAttribute("account", account);
		model.addAttribute("sessions", this.sessions.of(user.getUsername(), session.getId()));
		model.addAttribute("recoveryCodes", this.secondFactor.remainingRecoveryCodes(account.getId()));
		model.addAttribute("minimumLength",
				account.getRole().isStaff() ? PasswordPolicy.STAFF_MIN_LENGTH : PasswordPolicy.CUSTOMER_MIN_LENGTH);
		model.addAttribute("noindex", true);
		return "account/security";
	}

	@PostMapping("/account/security/password")
	@Transactional
	String changePassword(@AuthenticationPrincipal ShopUser user, @RequestParam(defaultValue = "") String current,
			@RequestParam(defaultValue = "") String password, HttpSession session, Locale locale,
			RedirectAttributes redirect) {
		Account account = this.accounts.findById(user.getAccountId()).orElseThrow();
		if (!this.passwordEncoder.matches(current, account.getPasswordHash())) {
			this.audit.record("PASSWORD_CHANGE", AuditLog.Outcome.FAILURE, account.getId(), null,
					Map.of("reason", "wrong current password"));
			redirect.addFlashAttribute("passwordProblems", List.of("password.current-wrong"));
			return "redirect:/account/security";
		}
		List<String> problems = this.policy.problems(password, account.getRole().isStaff(), account.getEmail(),
				account.getFirstName(), account.getLastName());
		if (!problems.isEmpty()) {
			redirect.addFlashAttribute("passwordProblems", problems);
			return "redirect:/account/security";
		}
		account.setPasswordHash(this.passwordEncoder.encode(password));
		account.setPasswordChangedAt(Instant.now());
		int ended = this.sessions.endAllBut(account.getEmail(), session.getId());
		this.mails.enqueue(account.getEmail(), "password-changed",
				Map.of("name", account.displayName(), "resetUrl", this.publicUrl + "/password/forgot"), locale);
		this.audit.record("PASSWORD_CHANGE", AuditLog.Outcome.SUCCESS, account.getId(), "account:" + account.getId(),
				Map.of("otherSessionsEnded", ended));
		redirect.addFlashAttribute("accountMessage", "account.security.password-changed");
		return "redirect:/account/security";
	}

	@PostMapping("/account/security/two-factor/disable")
	String disableSecondFactor(@AuthenticationPrincipal ShopUser user, @RequestParam(defaultValue = "") String current,
			RedirectAttributes redirect) {
		Account account = this.accounts.findById(user.getAccountId()).orElseThrow();
		if (!this.passwordEncoder.matches(current, account.getPasswordHash())
				|| !this.secondFactor.disable(account.getId())) {
			redirect.addFlashAttribute("accountMessage", "account.security.two-factor.not-disabled");
			return "redirect:/account/security";
		}
		redirect.addFlashAttribute("accountMessage", "account.security.two-factor.disabled");
		return "redirect:/account/security";
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
