package fr.dwwm.comptoir;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Entry point of Comptoir, the reference online shop of the "Développeur web et web
 * mobile" title.
 *
 * <p>
 * Started without {@code SPRING_DATASOURCE_URL}, it runs on an embedded PostgreSQL with
 * demo data; with it, on that server.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ComptoirApplication {

	/**
	 * Starts the shop.
	 * @param args command-line arguments, passed to Spring Boot
	 */
	public static void main(String[] args) {
		SpringApplication.run(ComptoirApplication.class, args);
	}

}
