package fr.dwwm.comptoir.system;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import fr.dwwm.comptoir.ComptoirApplication;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Stopping the shop while a request is in progress: the request finishes with its answer
 * (server.shutdown=graceful), and the shop then stops.
 */
class GracefulShutdownTests {

	static final CountDownLatch started = new CountDownLatch(1);

	@Test
	void aRequestInProgressWhenTheShopStopsStillGetsItsAnswer() throws Exception {
		ConfigurableApplicationContext shop = new SpringApplicationBuilder(ComptoirApplication.class,
				SlowEndpoint.class)
			.profiles("test")
			.properties("server.port=0", "spring.main.banner-mode=off")
			.run();
		int port = Integer.parseInt(shop.getEnvironment().getProperty("local.server.port"));
		CompletableFuture<HttpResponse<String>> inProgress = HttpClient.newHttpClient()
			.sendAsync(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/test/slow")).build(),
					HttpResponse.BodyHandlers.ofString());
		assertThat(started.await(10, TimeUnit.SECONDS)).as("the slow request reached the shop").isTrue();

		shop.close();

		HttpResponse<String> answer = inProgress.get(10, TimeUnit.SECONDS);
		assertThat(answer.statusCode()).isEqualTo(200);
		assertThat(answer.body()).isEqualTo("fini");
		assertThat(shop.isActive()).isFalse();
	}

	/** An endpoint that takes two seconds, only in this test's shop. */
	@RestController
	static class SlowEndpoint {

		@GetMapping("/test/slow")
		String slow() throws InterruptedException {
			started.countDown();
			Thread.sleep(2000);
			return "fini";
		}

	}

}
