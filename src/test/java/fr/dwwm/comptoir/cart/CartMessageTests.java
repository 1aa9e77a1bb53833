package fr.dwwm.comptoir.cart;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import fr.dwwm.comptoir.test.Http;
import fr.dwwm.comptoir.test.IntegrationTest;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.serializer.DefaultDeserializer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.servlet.support.SessionFlashMapManager;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The message a cart action leaves for the cart page (« Produit ajouté au panier ») on
 * the real PostgreSQL, through Tomcat, with a client that follows no redirect: a form
 * sent twice (a double click, a page sent again) or a script that does not follow the
 * answer's redirect.
 */
@IntegrationTest
class CartMessageTests {

	private static final String PRODUCT = "/products/confiture-de-figues";

	private static final String FLASH_MAPS = SessionFlashMapManager.class.getName() + ".FLASH_MAPS";

	@LocalServerPort
	private int port;

	@Autowired
	private JdbcClient jdbc;

	@Test
	void theCartPageShowsTheLastAdditionsMessageOnceNotAnOlderOneLater() {
		Http guest = new Http(this.port);
		addOneFigJamWithoutFollowingTheRedirect(guest, 3);

		Document cart = Jsoup.parse(guest.get("/cart").body());
		assertThat(cart.select("main .alert[role=status]").text())
			.isEqualTo("Produit ajouté au panier (quantité : 3).");
		Document again = Jsoup.parse(guest.get("/cart").body());
		assertThat(again.select("main .alert[role=status]")).as("nothing was added since").isEmpty();
	}

	@Test
	void redirectsNeverFollowedLeaveOneWaitingMessageInTheSessionNotOnePerForm() {
		Http guest = new Http(this.port);
		addOneFigJamWithoutFollowingTheRedirect(guest, 6);

		assertThat(waitingMessages(guest)).hasSize(1);
	}

	/** Sends the product page's form {@code times} times, as a double click does. */
	private void addOneFigJamWithoutFollowingTheRedirect(Http guest, int times) {
		long variant = this.jdbc.sql("SELECT id FROM product_variant WHERE sku = 'EPI-CONF-001'")
			.query(Long.class)
			.single();
		Map<String, String> form = Map.of("variantId", String.valueOf(variant), "quantity", "1", "_csrf",
				guest.csrfToken(PRODUCT));
		for (int sent = 0; sent < times; sent++) {
			assertThat(guest.submit("POST", "/cart/lines", form).statusCode()).isEqualTo(302);
		}
	}

	/** The messages waiting in the guest's session, as Spring Session stored them. */
	private Collection<?> waitingMessages(Http guest) {
		String sessionId = new String(Base64.getDecoder().decode(guest.cookie("COMPTOIR_SESSION")),
				StandardCharsets.UTF_8);
		List<byte[]> stored = this.jdbc
			.sql("SELECT a.attribute_bytes FROM spring_session s JOIN spring_session_attributes a"
					+ " ON a.session_primary_id = s.primary_id WHERE s.session_id = ? AND a.attribute_name = ?")
			.params(sessionId, FLASH_MAPS)
			.query((row, number) -> row.getBytes(1))
			.list();
		assertThat(stored).as("one attribute row for the session's messages").hasSize(1);
		try {
			return (Collection<?>) new DefaultDeserializer().deserialize(new ByteArrayInputStream(stored.get(0)));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
