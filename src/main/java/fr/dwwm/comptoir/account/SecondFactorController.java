package fr.dwwm.comptoir.account;

import fr.dwwm.comptoir.web.NoIndex;
import java.io.Serializable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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
 * (see {@code SessionLifetimeFilter}); after five wrong codes the half-open session ends,
 * and after ten in a row, whatever the sessions, the factor is locked
 * ({@link SecondFactor#verify}).
 *
 * <p>
 * The secret being set up is kept in the session with the account it was drawn for, and
 * used for that account only; a login drops it anyway (the session keeps nothing across a
 * change of account but the guest's cart). An account that has a factor sees the set-up
 * page only to replace it, right after typing its password and its current code on the
 * security page.
 */
@Controller
@NoIndex
class SecondFactorController {

	private static final String PENDING_SECRET = "comptoir.pendingTotpSecret";

	/** Session attribute: this account proved its password and factor, to replace it. */
	static final String REPLACEMENT_ALLOWED = "comptoir.factorReplacementAllowed";

	/** How long after proving them the replacement may be finished. */
	static final Duration REPLACEMENT_WINDOW = Duration.ofMinutes(10);

	private static final String FAILURES = "comptoir.secondFactorFailures";

	private static final int MAX_FAILURES = 5;

	private final SecondFactor secondFactor;

	private final AccountRepository accounts;

	private final UserSessions sessions;

	private final Clock clock;

	private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

	private final HttpSessionRequestCache savedRequests = new HttpSessionRequestCache();

	SecondFactorController(SecondFactor secondFactor, AccountRepository accounts, UserSessions sessions, Clock clock) {
		this.secondFactor = secondFactor;
		this.accounts = accounts;
		this.sessions = sessions;
		this.clock = clock;
	}

	@GetMapping("/login/second-factor")
	String form(@AuthenticationPrincipal ShopUser user, HttpSession session, Model model) {
		long accountId = user.getAccountId();
		boolean replacing = replacementAllowed(session, accountId);
		if (this.secondFactor.isSetUp(accountId) && !replacing) {
			model.addAttribute("locked", this.secondFactor.isLocked(accountId));
			return "account/second-factor";
		}
		PendingSecret pending = pendingFor(session, accountId);
		if (pending == null) {
			pending = new PendingSecret(accountId, Totp.newSecret());
			session.setAttribute(PENDING_SECRET, pending);
		}
		return setupPage(pending, replacing, model);
	}

	@GetMapping(path = "/login/second-factor/qr.svg")
	ResponseEntity<String> qrCode(@AuthenticationPrincipal ShopUser user, HttpSession session) {
		PendingSecret pending = pendingFor(session, user.getAccountId());
		if (pending == null) {
			return ResponseEntity.notFound().build();
		}
		return ResponseEntity.ok()
			.contentType(MediaType.valueOf("image/svg+xml"))
			.cacheControl(CacheControl.noStore())
			.body(QrCodes.svg(Totp.uri("Comptoir", user.getUsername(), pending.secret())));
	}

	@PostMapping("/login/second-factor/setup")
	String confirmSetup(@AuthenticationPrincipal ShopUser user, @RequestParam(defaultValue = "") String code,
			HttpServletRequest request, HttpServletResponse response, Model model) {
		HttpSession session = request.getSession();
		long accountId = user.getAccountId();
		PendingSecret pending = pendingFor(session, accountId);
		if (pending == null) {
			return "redirect:/login/second-factor";
		}
		boolean replacing = replacementAllowed(session, accountId);
		List<String> recoveryCodes = replacing ? this.secondFactor.replace(accountId, pending.secret(), code)
				: this.secondFactor.confirmSetup(accountId, pending.secret(), code);
		if (recoveryCodes.isEmpty()) {
			model.addAttribute("wrongCode", true);
			return setupPage(pending, replacing, model);
		}
		session.removeAttribute(PENDING_SECRET);
		session.removeAttribute(REPLACEMENT_ALLOWED);
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
		boolean locked = this.secondFactor.isLocked(user.getAccountId());
		model.addAttribute("locked", locked);
		model.addAttribute("wrongCode", !locked);
		return "account/second-factor";
	}

	/**
	 * Lets the signed-in account replace its factor for a short while, once the security
	 * page has checked its password and its current code.
	 * @param session the session
	 * @param accountId the account
	 * @param now the time of the check
	 */
	static void allowReplacement(HttpSession session, long accountId, Instant now) {
		session.removeAttribute(PENDING_SECRET);
		session.setAttribute(REPLACEMENT_ALLOWED, new ReplacementAllowed(accountId, now.plus(REPLACEMENT_WINDOW)));
	}

	private boolean replacementAllowed(HttpSession session, long accountId) {
		return session.getAttribute(REPLACEMENT_ALLOWED) instanceof ReplacementAllowed allowed
				&& allowed.accountId() == accountId && Instant.now(this.clock).isBefore(allowed.until());
	}

	private static PendingSecret pendingFor(HttpSession session, long accountId) {
		return (session.getAttribute(PENDING_SECRET) instanceof PendingSecret pending
				&& pending.accountId() == accountId) ? pending : null;
	}

	private static String setupPage(PendingSecret pending, boolean replacing, Model model) {
		model.addAttribute("secret", pending.secret().replaceAll("(.{4})", "$1 ").strip());
		model.addAttribute("replacing", replacing);
		return "account/second-factor-setup";
	}

	/**
	 * A secret shown for setting up an app, and the account it was drawn for.
	 *
	 * @param accountId the account
	 * @param secret the Base32 secret
	 */
	record PendingSecret(long accountId, String secret) implements Serializable {
	}

	/**
	 * Proof, kept in the session, that an account typed its password and its current code
	 * to replace its factor.
	 *
	 * @param accountId the account
	 * @param until when the proof expires
	 */
	record ReplacementAllowed(long accountId, Instant until) implements Serializable {
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
