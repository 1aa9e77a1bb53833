package fr.dwwm.comptoir.catalog;

import java.util.Map;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * An upload the container refuses (over {@code spring.servlet.multipart.max-file-size})
 * sends the editor back to the product's page with a message in words, instead of an
 * error page.
 *
 * <p>
 * This works because multipart requests are parsed lazily
 * ({@code spring.servlet.multipart.resolve-lazily}): the failure then happens once Spring
 * MVC knows the request is for {@link AdminProductController}, which this advice is
 * scoped to. The upload form also carries its CSRF token in its URL, since Spring
 * Security cannot read it from a body the container refused to parse.
 */
@ControllerAdvice(assignableTypes = AdminProductController.class)
class AdminUploadLimitAdvice {

	private static final Pattern ID = Pattern.compile("[0-9]{1,18}");

	@ExceptionHandler(MultipartException.class)
	String refused(MultipartException ex, HttpServletRequest request) {
		String message = (ex instanceof MaxUploadSizeExceededException) ? "admin.upload.too-large"
				: "admin.upload.unreadable";
		FlashMap flash = RequestContextUtils.getOutputFlashMap(request);
		flash.put(AdminProductController.ERROR, message);
		Object variables = request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
		if (variables instanceof Map<?, ?> map && map.get("id") instanceof String id && ID.matcher(id).matches()) {
			return "redirect:/admin/products/" + id;
		}
		return "redirect:/admin/products";
	}

}
