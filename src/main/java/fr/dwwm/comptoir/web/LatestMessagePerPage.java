package fr.dwwm.comptoir.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.util.MultiValueMap;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.support.SessionFlashMapManager;

/**
 * Keeps in the session, for each page, only the latest message waiting for it (a flash
 * attribute such as « Produit ajouté au panier (quantité : 3) »). Spring MVC keeps one
 * message per form sent until a request for its page takes it, oldest first: a form sent
 * twice (a double click) or a client that does not follow the redirect left older
 * messages behind, shown later on a page where nothing had just happened, and each one
 * read and written again with the session on every request for three minutes. A newer
 * message for the same page replaces the older one, so the session holds at most one per
 * page.
 */
public class LatestMessagePerPage extends SessionFlashMapManager {

	@Override
	protected void updateFlashMaps(List<FlashMap> flashMaps, HttpServletRequest request, HttpServletResponse response) {
		Map<Target, FlashMap> latest = new LinkedHashMap<>();
		for (FlashMap message : flashMaps) {
			Target target = new Target(message.getTargetRequestPath(), message.getTargetRequestParams());
			latest.remove(target); // the newer one goes last, as the newest
			latest.put(target, message);
		}
		super.updateFlashMaps(
				(latest.size() == flashMaps.size()) ? flashMaps : new CopyOnWriteArrayList<>(latest.values()), request,
				response);
	}

	/** The page a message waits for: its path and the parameters it requires. */
	private record Target(String path, MultiValueMap<String, String> parameters) {
	}

}
