package fr.dwwm.comptoir.account;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * "My data": download everything as JSON (GDPR art. 15 and 20) and delete the account
 * (art. 17), the latter after typing the password again.
 */
@Controller
class PersonalDataController {

	private final PersonalData personalData;

	private final AccountRepository accounts;

	private final PasswordEncoder passwordEncoder;

	PersonalDataController(PersonalData personalData, AccountRepository accounts, PasswordEncoder passwordEncoder) {
		this.personalData = personalData;
		this.accounts = accounts;
		this.passwordEncoder = passwordEncoder;
	}

	@GetMapping("/account/data")
	String page(Model model) {
		model.addAttribute("noindex", true);
		return "account/data";
	}

	@PostMapping(path = "/account/data/export")
	ResponseEntity<Map<String, Object>> export(@AuthenticationPrincipal ShopUser user) {
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
		Account account = this.accounts.findById(user.getAccountId()).orElseThrow();
		if (!this.passwordEncoder.matches(password, account.getPasswordHash())) {
			redirect.addFlashAttribute("deleteError", true);
			return "redirect:/account/data";
		}
		this.personalData.delete(account.getId());
		SecurityContextHolder.clearContext();
		if (request.getSession(false) != null) {
			request.getSession(false).invalidate();
		}
		return "redirect:/?account-deleted";
	}

}
