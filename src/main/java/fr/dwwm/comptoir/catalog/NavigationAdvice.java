package fr.dwwm.comptoir.catalog;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Gives every page the categories of the main navigation. If the database cannot be
 * reached the page still renders, with an empty menu, instead of failing.
 */
@ControllerAdvice
class NavigationAdvice {

	private static final Logger logger = LoggerFactory.getLogger(NavigationAdvice.class);

	private final Categories categories;

	NavigationAdvice(Categories categories) {
		this.categories = categories;
	}

	@ModelAttribute("navigationCategories")
	List<CategoryTree.Node> navigationCategories() {
		try {
			return this.categories.tree().roots();
		}
		catch (DataAccessException ex) {
			logger.warn("Navigation shown without categories: {}", ex.getMessage());
			return List.of();
		}
	}

}
