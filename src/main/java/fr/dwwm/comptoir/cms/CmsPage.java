package fr.dwwm.comptoir.cms;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.Immutable;

/**
 * A page written by editors: legal notice, terms of sale, about... Its HTML went through
 * the sanitizer when it was saved and goes through it again when it is shown.
 */
@Entity
@Immutable
@Table(name = "cms_page")
public class CmsPage {

	/** Publication states. */
	public enum Status {

		/** Only staff can see it. */
		DRAFT,
		/** Everyone can see it. */
		PUBLISHED

	}

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String slug;

	private String title;

	private String contentHtml;

	private String metaDescription;

	@jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
	private Status status = Status.DRAFT;

	private Instant publishedAt;

	@Column(insertable = false, updatable = false)
	private Instant updatedAt;

	@Version
	private int version;

	protected CmsPage() {
	}

	public Long getId() {
		return this.id;
	}

	public String getSlug() {
		return this.slug;
	}

	public String getTitle() {
		return this.title;
	}

	public String getContentHtml() {
		return this.contentHtml;
	}

	public String getMetaDescription() {
		return this.metaDescription;
	}

	public Status getStatus() {
		return this.status;
	}

	public Instant getPublishedAt() {
		return this.publishedAt;
	}

	public Instant getUpdatedAt() {
		return this.updatedAt;
	}

	public int getVersion() {
		return this.version;
	}

}
