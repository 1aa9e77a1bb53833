package fr.dwwm.comptoir.web;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Tells the layout not to let search engines index the pages of {@link NoIndex}
 * controllers.
 */
@ControllerAdvice(annotations = NoIndex.class)
class NoIndexAdvice {

	@ModelAttribute("noindex")
	boolean noindex() {
		return true;
	}

}
