package fr.dwwm.comptoir.account;

import fr.dwwm.comptoir.web.NoIndex;
import java.net.URI;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * "My data": download everything as JSON (GDPR art. 15 and 20) and delete the account
 * (art. 17), each after typing the password again, counted by the login throttle
 * ({@link PasswordConfirmation}): someone who finds a session open can take neither the
 * data nor the account.
 */
@Controller
@NoIndex
class PersonalDataController {

	private final PersonalData personalData;

	private final PasswordConfirmation passwordConfirmation;

	PersonalDataController(PersonalData personalData, PasswordConfirmation passwordConfirmation) {
		this.personalData = personalData;
		this.passwordConfirmation = passwordConfirmation;
	}

	@GetMapping("/account/data")
	String page() {
		return "account/data";
	}

	@PostMapping(path = "/account/data/export")
	ResponseEntity<Map<String, Object>> export(@AuthenticationPrincipal ShopUser user,
			@RequestParam(defaultValue = "") String password, HttpServletRequest request,
			HttpServletResponse response) {
		if (!this.passwordConfirmation.confirms(user.getAccountId(), password, request.getRemoteAddr(),
				"DATA_EXPORT")) {
			// Back to the page, with the message, as a form that failed
			// (Post/Redirect/Get).
			RequestContextUtils.getOutputFlashMap(request).put("exportError", true);
			RequestContextUtils.saveOutputFlashMap("/account/data", request, response);
			return ResponseEntity.status(HttpStatus.FOUND).location(URI.create("/account/data")).build();
		}
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_JSON)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename("mes-donnees-comptoir.json").build().toString())
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.body(this.personalData.export(user.getAccountId()));
	}

	@PostMapping("/account/data/delete")
	String delete(@AuthenticationPrincipal ShopUser user, @RequestParam(defaultValue = "") String password,
			HttpServletRequest request, RedirectAttributes redirect) {
		if (!this.passwordConfirmation.confirms(user.getAccountId(), password, request.getRemoteAddr(),
				"ACCOUNT_DELETE")) {
			redirect.addFlashAttribute("deleteError", true);
			return "redirect:/account/data";
		}
		this.personalData.delete(user.getAccountId());
		SecurityContextHolder.clearContext();
		if (request.getSession(false) != null) {
			request.getSession(false).invalidate();
		}
		return "redirect:/?account-deleted";
	}

}
