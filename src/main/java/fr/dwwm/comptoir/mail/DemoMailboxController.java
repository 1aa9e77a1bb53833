package fr.dwwm.comptoir.mail;

import fr.dwwm.comptoir.web.NoIndex;
import java.net.InetAddress;
import java.net.UnknownHostException;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.server.ResponseStatusException;

import static org.springframework.http.HttpStatus.NOT_FOUND;

/**
 * Shows the mails of the demo mailbox, so that a trainer can open a confirmation link or
 * an invoice without a mail client. It only answers requests from this computer
 * (loopback), and does not exist outside demo mode.
 */
@Controller
@NoIndex
@ConditionalOnClass(name = "com.icegreen.greenmail.util.GreenMail")
@ConditionalOnProperty(name = "app.demo.mailbox.enabled", havingValue = "true")
class DemoMailboxController {

	private final DemoMailbox mailbox;

	DemoMailboxController(DemoMailbox mailbox) {
		this.mailbox = mailbox;
	}

	@GetMapping("/demo/mails")
	String mails(HttpServletRequest request, Model model) {
		if (!isLoopback(request.getRemoteAddr())) {
			throw new ResponseStatusException(NOT_FOUND);
		}
		model.addAttribute("mails", this.mailbox.mails());
		return "mail/demo-mailbox";
	}

	static boolean isLoopback(String address) {
		try {
			return address != null && InetAddress.getByName(address).isLoopbackAddress();
		}
		catch (UnknownHostException ex) {
			return false;
		}
	}

}
