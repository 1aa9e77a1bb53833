package fr.dwwm.comptoir.account;

import java.util.List;

import fr.dwwm.comptoir.web.NoIndex;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The page an invitation link opens: the invited member of staff chooses their password,
 * then signs in, where their second factor is set up before the back office opens.
 */
@Controller
@NoIndex
class InvitationController {

	private final Invitations invitations;

	InvitationController(Invitations invitations) {
		this.invitations = invitations;
	}

	@GetMapping("/invitation")
	String form(@RequestParam(required = false) String token, Model model) {
		model.addAttribute("token", token);
		model.addAttribute("validLink", this.invitations.isValid(token));
		return "account/invitation";
	}

	@PostMapping("/invitation")
	String accept(@RequestParam(required = false) String token, @RequestParam(defaultValue = "") String password,
			Model model) {
		List<String> problems;
		try {
			problems = this.invitations.accept(token, password);
		}
		catch (PasswordReset.RefusedPassword ex) {
			problems = ex.problems();
		}
		if (problems.isEmpty()) {
			return "redirect:/login?invited";
		}
		model.addAttribute("token", token);
		model.addAttribute("validLink", !problems.contains("invitation.invalid-link"));
		model.addAttribute("problems", problems);
		return "account/invitation";
	}

}
