package fr.dwwm.comptoir;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.data.autoconfigure.web.DataWebAutoConfiguration;

/**
 * Entry point of Comptoir, the reference online shop of the "Développeur web et web
 * mobile" title.
 *
 * <p>
 * Started without {@code SPRING_DATASOURCE_URL}, it runs on an embedded PostgreSQL with
 * demo data; with it, on that server.
 *
 * <p>
 * Spring Data's web support is left out: its {@code DomainClassConverter} turns any
 * request parameter named like a form into the JPA row of that id, whoever owns it (a
 * parameter {@code address=42} rewrote another customer's address). Forms and DTOs are
 * bound instead, and the shop looks rows up itself, with their owner
 * ({@code ArchitectureTests.controllersBindNoEntity}).
 */
@SpringBootApplication(exclude = DataWebAutoConfiguration.class)
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
