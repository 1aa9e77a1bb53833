package fr.dwwm.comptoir.catalog;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.Immutable;

/**
 * A shelf of the shop. Categories form a tree ({@link #getParent()}); the database
 * refuses a move that would create a cycle (trigger {@code category_no_cycle}).
 */
@Entity
@Immutable
@Table(name = "category")
public class Category {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@ManyToOne(fetch = FetchType.LAZY)
	@JoinColumn(name = "parent_id")
	private Category parent;

	private String name;

	private String slug;

	private String description;

	private int position;

	private boolean active = true;

	@Version
	private int version;

	protected Category() {
	}

	/**
	 * Creates a category.
	 * @param parent the parent category, or {@code null} at the top of the tree
	 * @param name displayed name
	 * @param slug unique URL segment
	 */
	public Category(Category parent, String name, String slug) {
		this.parent = parent;
		this.name = name;
		this.slug = slug;
	}

	public Long getId() {
		return this.id;
	}

	public Category getParent() {
		return this.parent;
	}

	public String getName() {
		return this.name;
	}

	public String getSlug() {
		return this.slug;
	}

	public String getDescription() {
		return this.description;
	}

	public int getPosition() {
		return this.position;
	}

	public boolean isActive() {
		return this.active;
	}

	public int getVersion() {
		return this.version;
	}

}
