package fr.dwwm.comptoir.account;

import java.time.Clock;
import java.time.Instant;

import fr.dwwm.comptoir.security.PasskeyRegistrationAllowance;
import fr.dwwm.comptoir.web.NoIndex;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The passkeys of « Mon compte › Sécurité »: the password typed again before one is added
 * (the ceremony itself runs between the page's script, the device and Spring Security's
 * filters, see {@code passkeys.js}), then renaming and removing one's own, by forms that
 * work without JavaScript. Another account's passkey, named in the path, is answered like
 * a passkey that does not exist and stays as it was.
 */
@Controller
@NoIndex
class PasskeyController {

	private final PasskeyCredentials passkeys;

	private final PasswordConfirmation passwordConfirmation;

	private final Clock clock;

	PasskeyController(PasskeyCredentials passkeys, PasswordConfirmation passwordConfirmation, Clock clock) {
		this.passkeys = passkeys;
		this.passwordConfirmation = passwordConfirmation;
		this.clock = clock;
	}

	/**
	 * Checks the password typed in the « add a passkey » form; the page's script then
	 * asks the device for a new passkey, which {@link PasskeyRegistrationGuard} lets
	 * through for a few minutes. An account that holds
	 * {@link PasskeyCredentials#MAX_PER_ACCOUNT} passkeys is answered {@code 409}: no
	 * room for another.
	 */
	@PostMapping("/account/security/passkeys/confirm")
	ResponseEntity<Void> confirm(@AuthenticationPrincipal ShopUser user,
			@RequestParam(defaultValue = "") String current, HttpServletRequest request) {
		if (!this.passwordConfirmation.confirms(user.getAccountId(), current, request.getRemoteAddr(), "PASSKEY_ADD")) {
			return ResponseEntity.status(HttpStatus.FORBIDDEN).cacheControl(CacheControl.noStore()).build();
		}
		if (this.passkeys.full(user.getAccountId())) {
			return ResponseEntity.status(HttpStatus.CONFLICT).cacheControl(CacheControl.noStore()).build();
		}
		PasskeyRegistrationAllowance.allow(request.getSession(), user.getAccountId(), Instant.now(this.clock));
		return ResponseEntity.noContent().cacheControl(CacheControl.noStore()).build();
	}

	@PostMapping("/account/security/passkeys/{id}/rename")
	String rename(@AuthenticationPrincipal ShopUser user, @PathVariable String id,
			@RequestParam(defaultValue = "") String label, RedirectAttributes redirect) {
		boolean renamed = this.passkeys.rename(user.getAccountId(), id, label);
		redirect.addFlashAttribute("accountMessage",
				renamed ? "account.security.passkey-renamed" : "account.security.passkey-unknown");
		return "redirect:/account/security#security-passkeys";
	}

	@PostMapping("/account/security/passkeys/{id}/delete")
	String remove(@AuthenticationPrincipal ShopUser user, @PathVariable String id, RedirectAttributes redirect) {
		boolean removed = this.passkeys.remove(user.getAccountId(), id);
		redirect.addFlashAttribute("accountMessage",
				removed ? "account.security.passkey-removed" : "account.security.passkey-unknown");
		return "redirect:/account/security#security-passkeys";
	}

}
