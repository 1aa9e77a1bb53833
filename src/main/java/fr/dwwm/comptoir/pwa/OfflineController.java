package fr.dwwm.comptoir.pwa;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The page the service worker shows offline for a page it has no copy of. It shows
 * nothing of the visitor nor of the catalogue: it is kept at install, the same for
 * everyone and for the whole release, and lists the pages this browser kept (offline.js).
 */
@Controller
class OfflineController {

	/**
	 * The offline page, which the browser may keep ({@code no-cache}): the worker keeps
	 * only what the server allows.
	 * @param response the response
	 * @return the template
	 */
	@GetMapping(ServiceWorkerScript.OFFLINE_PAGE)
	String offline(HttpServletResponse response) {
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-cache");
		return "pwa/offline";
	}

}
