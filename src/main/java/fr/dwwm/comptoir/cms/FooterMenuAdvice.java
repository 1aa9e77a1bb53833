package fr.dwwm.comptoir.cms;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Gives every page the footer links. If the database cannot be reached the page still
 * renders, with the footer's fixed links only.
 */
@ControllerAdvice
class FooterMenuAdvice {

	private static final Logger logger = LoggerFactory.getLogger(FooterMenuAdvice.class);

	private final FooterMenu menu;

	FooterMenuAdvice(FooterMenu menu) {
		this.menu = menu;
	}

	@ModelAttribute("footerLinks")
	List<FooterMenu.Link> footerLinks() {
		try {
			return this.menu.links();
		}
		catch (DataAccessException ex) {
			logger.warn("Footer shown without its menu: {}", ex.getMessage());
			return List.of();
		}
	}

}
