package fr.dwwm.comptoir.account;

import java.util.List;

import fr.dwwm.comptoir.security.Factors;
import fr.dwwm.comptoir.security.Totp;
import fr.dwwm.comptoir.security.UserSessions;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The second step of a login that needs a second factor, and the setting up of an
 * authenticator app. Until the code is proved, the session can only reach these pages
 * (see {@code SessionLifetimeFilter}); after five wrong codes the half-open session ends.
 */
@Controller
class SecondFactorController {

	static final String PENDING_SECRET = "comptoir.pendingTotpSecret";

	private static final String FAILURES = "comptoir.secondFactorFailures";

	private static final int MAX_FAILURES = 5;

	private final SecondFactor secondFactor;

	private final AccountRepository accounts;

	private final UserSessions sessions;

	private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

	private final HttpSessionRequestCache savedRequests = new HttpSessionRequestCache();

	SecondFactorController(SecondFactor secondFactor, AccountRepository accounts, UserSessions sessions) {
		this.secondFactor = secondFactor;
		this.accounts = accounts;
		this.sessions = sessions;
	}

	@GetMapping("/login/second-factor")
	String form(@AuthenticationPrincipal ShopUser user, HttpSession session, Model model) {
		model.addAttribute("noindex", true);
		if (this.secondFactor.isSetUp(user.getAccountId())) {
			return "account/second-factor";
		}
		String secret = (String) session.getAttribute(PENDING_SECRET);
		if (secret == null) {
			secret = Totp.newSecret();
			session.setAttribute(PENDING_SECRET, secret);
		}
		model.addAttribute("secret", secret.replaceAll("(.{4})", "$1 ").strip());
		return "account/second-factor-setup";
	}

	@GetMapping(path = "/login/second-factor/qr.svg")
	ResponseEntity<String> qrCode(@AuthenticationPrincipal ShopUser user, HttpSession session) {
		String secret = (String) session.getAttribute(PENDING_SECRET);
		if (secret == null) {
			return ResponseEntity.notFound().build();
		}
		return ResponseEntity.ok()
			.contentType(MediaType.valueOf("image/svg+xml"))
			.cacheControl(CacheControl.noStore())
			.body(QrCodes.svg(Totp.uri("Comptoir", user.getUsername(), secret)));
	}

	@PostMapping("/login/second-factor/setup")
	String confirmSetup(@AuthenticationPrincipal ShopUser user, @RequestParam(defaultValue = "") String code,
			HttpServletRequest request, HttpServletResponse response, Model model) {
		HttpSession session = request.getSession();
		String secret = (String) session.getAttribute(PENDING_SECRET);
		model.addAttribute("noindex", true);
		if (secret == null) {
			return "redirect:/login/second-factor";
		}
		List<String> recoveryCodes = this.secondFactor.confirmSetup(user.getAccountId(), secret, code);
		if (recoveryCodes.isEmpty()) {
			model.addAttribute("secret", secret.replaceAll("(.{4})", "$1 ").strip());
			model.addAttribute("wrongCode", true);
			return "account/second-factor-setup";
		}
		session.removeAttribute(PENDING_SECRET);
		String next = elevate(request, response);
		model.addAttribute("recoveryCodes", recoveryCodes);
		model.addAttribute("next", next);
		response.setHeader("Cache-Control", "no-store");
		return "account/recovery-codes";
	}

	@PostMapping("/login/second-factor")
	String verify(@AuthenticationPrincipal ShopUser user, @RequestParam(defaultValue = "") String code,
			HttpServletRequest request, HttpServletResponse response, Model model) {
		HttpSession session = request.getSession();
		if (this.secondFactor.verify(user.getAccountId(), code)) {
			session.removeAttribute(FAILURES);
			return "redirect:" + elevate(request, response);
		}
		int failures = ((session.getAttribute(FAILURES) instanceof Integer count) ? count : 0) + 1;
		if (failures >= MAX_FAILURES) {
			session.invalidate();
			SecurityContextHolder.clearContext();
			return "redirect:/login?error";
		}
		session.setAttribute(FAILURES, failures);
		model.addAttribute("noindex", true);
		model.addAttribute("wrongCode", true);
		return "account/second-factor";
	}

	/**
	 * Adds the proved factor to the session's authentication, gives the session a new id
	 * (its privileges just changed) and ends the staff member's other sessions.
	 * @return where to go next
	 */
	private String elevate(HttpServletRequest request, HttpServletResponse response) {
		Authentication elevated = Factors.withTotp(SecurityContextHolder.getContext().getAuthentication());
		ShopUser user = (ShopUser) elevated.getPrincipal();
		this.accounts.findById(user.getAccountId()).ifPresent((account) -> {
			if (account.getRole().isStaff()) {
				// One session per staff account: logging in again ends the others. Done
				// before the id changes, while the database still knows this session's
				// id.
				this.sessions.endAllBut(user.getUsername(), request.getSession().getId());
			}
		});
		request.changeSessionId();
		this.contexts.saveContext(SecurityContextHolder.getContext(), request, response);
		SavedRequest saved = this.savedRequests.getRequest(request, response);
		if (saved != null) {
			this.savedRequests.removeRequest(request, response);
			return saved.getRedirectUrl();
		}
		return Factors.has(elevated, "ROLE_EDITOR") || Factors.has(elevated, "ROLE_ADMIN") ? "/admin" : "/account";
	}

}
