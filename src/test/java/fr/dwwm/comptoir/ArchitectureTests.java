package fr.dwwm.comptoir;

import java.util.stream.Stream;

import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaAnnotation;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.GeneralCodingRules;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import jakarta.persistence.Entity;
import jakarta.servlet.Filter;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_USE_JAVA_UTIL_LOGGING;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The package rules of ARCHITECTURE.md and docs/architecture.md, written down so that the
 * build enforces them.
 *
 * <ul>
 * <li>Code is packaged by feature ({@code catalog}, {@code cart}, {@code order},
 * {@code account}, {@code admin}, {@code cms}, {@code module}); {@code web},
 * {@code security} and {@code system} are shared by all.</li>
 * <li>A feature uses another feature only through its public services, never through its
 * repositories.</li>
 * <li>Shared packages do not depend on features.</li>
 * <li>Built-in modules see nothing of the shop but {@code module.api}.</li>
 * <li>Controllers depend on services, never on a servlet filter.</li>
 * </ul>
 */
@AnalyzeClasses(packages = "fr.dwwm.comptoir", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

	private static final String BASE = "fr.dwwm.comptoir.";

	private static final String[] FEATURES = { "..comptoir.catalog..", "..comptoir.cart..", "..comptoir.order..",
			"..comptoir.account..", "..comptoir.admin..", "..comptoir.cms..", "..comptoir.module..",
			"..comptoir.pwa.." };

	@ArchTest
	static final ArchRule packagesHaveNoCycles = slices().matching("fr.dwwm.comptoir.(*)..").should().beFreeOfCycles();

	@ArchTest
	static final ArchRule repositoriesAreOnlyUsedInsideTheirOwnFeature = classes().that()
		.haveSimpleNameEndingWith("Repository")
		.should(beAccessedOnlyFromTheirOwnFeature())
		.allowEmptyShould(true);

	@ArchTest
	static final ArchRule sharedPackagesDoNotDependOnFeatures = noClasses().that()
		.resideInAnyPackage("..comptoir.web..", "..comptoir.security..", "..comptoir.system..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage(FEATURES)
		.allowEmptyShould(true);

	/** Links with one slash and a checked address: see {@code system.PublicUrl}. */
	@ArchTest
	static final ArchRule thePublicAddressIsReadOnlyByPublicUrl = classes().that()
		.doNotHaveFullyQualifiedName(BASE + "system.PublicUrl")
		.should(notReadTheSetting("app.public-url"));

	@ArchTest
	static final ArchRule builtInModulesOnlyUseTheModuleApi = noClasses().that()
		.resideInAPackage("..comptoir.module.builtin..")
		.should()
		.dependOnClassesThat(resideInAPackage("fr.dwwm.comptoir..")
			.and(not(resideInAnyPackage("..comptoir.module.api..", "..comptoir.module.builtin.."))))
		.allowEmptyShould(true);

	@ArchTest
	static final ArchRule controllersBindNoEntity = methods().that()
		.areMetaAnnotatedWith(RequestMapping.class)
		.or()
		.areAnnotatedWith(ModelAttribute.class)
		.or()
		.areAnnotatedWith(InitBinder.class)
		.should(takeNoEntityParameter())
		.because("a JPA entity bound to a request can be loaded by any id the request names, whoever owns it: "
				+ "controllers bind forms and DTOs (issue 23)");

	@ArchTest
	static final ArchRule noRequestParameterBecomesAnEntity = noClasses().should()
		.dependOnClassesThat()
		.haveFullyQualifiedName("org.springframework.data.repository.support.DomainClassConverter")
		.orShould()
		.beAnnotatedWith("org.springframework.data.web.config.EnableSpringDataWebSupport")
		.because("Spring Data's converter turns a request parameter into any row of that id");

	@ArchTest
	static final ArchRule controllersAreNotPublic = classes().that()
		.areAnnotatedWith(Controller.class)
		.or()
		.areAnnotatedWith(RestController.class)
		.should()
		.notBePublic();

	@ArchTest
	static final ArchRule controllersDoNotDependOnServletFilters = noClasses().that()
		.areMetaAnnotatedWith(Controller.class)
		.should()
		.dependOnClassesThat()
		.areAssignableTo(Filter.class)
		.because("a filter wraps every request and its state is the request's; what a page needs from it "
				+ "goes through a service of its own, as the product page publishes its views through "
				+ "EveryViewEvents rather than through the PageCache filter (issue 24)");

	@ArchTest
	static final ArchRule noFeatureDependsOnTheBackOfficePackage = noClasses().that()
		.resideOutsideOfPackage("..comptoir.admin..")
		.should()
		.dependOnClassesThat()
		.resideInAPackage("..comptoir.admin..")
		.because("each feature carries its own back-office screens; admin is the top of the tower (dashboard, "
				+ "customer screen, audit) and what screens share lives in web and system (issue 24)");

	@ArchTest
	static final ArchRule dependenciesAreInjectedThroughConstructors = noFields().should()
		.beAnnotatedWith(Autowired.class);

	/**
	 * Logs, never the console — except the one command whose output is the console: the
	 * first administrator's invitation link is printed to the person who ran it, and must
	 * reach no log file.
	 */
	@ArchTest
	static final ArchRule noStandardStreams = noClasses().that()
		.doNotHaveFullyQualifiedName("fr.dwwm.comptoir.account.FirstAdministrator")
		.should(GeneralCodingRules.ACCESS_STANDARD_STREAMS)
		.because("the shop logs through SLF4J; only a command prints for the person who runs it");

	@ArchTest
	static final ArchRule noJavaUtilLogging = NO_CLASSES_SHOULD_USE_JAVA_UTIL_LOGGING;

	private static ArchCondition<JavaClass> beAccessedOnlyFromTheirOwnFeature() {
		return new ArchCondition<>("be accessed only from their own feature package") {
			@Override
			public void check(JavaClass repository, ConditionEvents events) {
				String feature = featureOf(repository);
				for (JavaAccess<?> access : repository.getAccessesToSelf()) {
					JavaClass origin = access.getOriginOwner();
					if (!feature.equals(featureOf(origin))) {
						events.add(SimpleConditionEvent.violated(access, access.getDescription()));
					}
				}
			}
		};
	}

	private static String featureOf(JavaClass javaClass) {
		String name = javaClass.getPackageName();
		if (!name.startsWith(BASE)) {
			return name;
		}
		String rest = name.substring(BASE.length());
		int dot = rest.indexOf('.');
		return (dot < 0) ? rest : rest.substring(0, dot);
	}

	private static ArchCondition<JavaClass> notReadTheSetting(String name) {
		return new ArchCondition<>("not read " + name + " with @Value") {
			@Override
			public void check(JavaClass type, ConditionEvents events) {
				Stream<JavaAnnotation<?>> annotations = Stream.concat(
						type.getConstructors()
							.stream()
							.flatMap((constructor) -> constructor.getParameters().stream())
							.flatMap((parameter) -> parameter.getAnnotations().stream()),
						type.getFields().stream().flatMap((field) -> field.getAnnotations().stream()));
				annotations.filter((annotation) -> annotation.getRawType().isEquivalentTo(Value.class))
					.filter((annotation) -> String.valueOf(annotation.get("value").orElse("")).contains(name))
					.forEach((annotation) -> events.add(SimpleConditionEvent.violated(type,
							type.getName() + " reads " + name + ": ask PublicUrl")));
			}
		};
	}

	private static ArchCondition<JavaMethod> takeNoEntityParameter() {
		return new ArchCondition<>("take no JPA entity as a parameter") {
			@Override
			public void check(JavaMethod method, ConditionEvents events) {
				for (JavaClass type : method.getRawParameterTypes()) {
					if (type.isAnnotatedWith(Entity.class)) {
						events.add(SimpleConditionEvent.violated(method,
								method.getFullName() + " binds the entity " + type.getSimpleName()));
					}
				}
			}
		};
	}

}
