package fr.dwwm.comptoir.pwa;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Serves the service worker at the root of the site, so that its scope is the whole shop.
 *
 * <p>
 * Never kept without asking: browsers compare the script with the one they have to find a
 * new release (they do it on each visit, at most a day apart), and the version in its
 * ETag lets them be told « unchanged » without the script.
 */
@RestController
class ServiceWorkerController {

	private static final MediaType JAVASCRIPT = MediaType.parseMediaType("text/javascript;charset=UTF-8");

	private final ServiceWorkerScript worker;

	ServiceWorkerController(ServiceWorkerScript worker) {
		this.worker = worker;
	}

	@GetMapping("/service-worker.js")
	ResponseEntity<String> serviceWorker() {
		ServiceWorkerScript.Release release = this.worker.release();
		return ResponseEntity.ok()
			.contentType(JAVASCRIPT)
			.cacheControl(CacheControl.noCache())
			.eTag(release.version())
			.body(release.script());
	}

}
