package fr.dwwm.comptoir.module.builtin.reviews;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The review form of a product page. Serializable: when refused, it travels to the next
 * page as a flash attribute, kept in the session.
 */
public class ReviewForm implements java.io.Serializable {

	private static final long serialVersionUID = 1L;

	@NotNull(message = "{module.reviews.rating.required}")
	@Min(value = 1, message = "{module.reviews.rating.required}")
	@Max(value = 5, message = "{module.reviews.rating.required}")
	private Integer rating;

	@NotBlank(message = "{validation.required}")
	@Size(max = 100, message = "{validation.too-long}")
	private String title = "";

	@NotBlank(message = "{validation.required}")
	@Size(min = 10, max = 2000, message = "{module.reviews.body.size}")
	private String body = "";

	public Integer getRating() {
		return this.rating;
	}

	public void setRating(Integer rating) {
		this.rating = rating;
	}

	public String getTitle() {
		return this.title;
	}

	public void setTitle(String title) {
		this.title = title;
	}

	public String getBody() {
		return this.body;
	}

	public void setBody(String body) {
		this.body = body;
	}

}
