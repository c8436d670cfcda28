package dev.stockroom.bootstrap.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The dependency rules of DESIGN.md, checked on the production classes of every module. Every
 * rule keeps ArchUnit's default of failing when its subject matches no class, so a renamed package
 * cannot switch a rule off unnoticed.
 */
@AnalyzeClasses(packages = "dev.stockroom", importOptions = ArchitectureTest.ProductionCode.class)
class ArchitectureTest {
    private static final String CORE = "dev.stockroom.core..";
    private static final String HASHING = "dev.stockroom.core.account.hashing..";
    private static final String IMAGING = "dev.stockroom.core.catalog.imaging..";
    private static final String REST = "dev.stockroom.adapters.rest..";
    private static final String PERSISTENCE = "dev.stockroom.adapters.persistence..";
    private static final String MAIL = "dev.stockroom.adapters.mail..";
    private static final String NATIVE_HASHING = "dev.stockroom.adapters.hashing..";
    private static final String STORAGE_S3 = "dev.stockroom.adapters.storage.s3..";
    private static final String BOOTSTRAP = "dev.stockroom.bootstrap..";
    private static final String[] FEATURES = {"account", "catalog", "notification", "throttling"};

    /** Leaves out test classes, whether from a module's own test-classes or a published test-jar. */
    static final class ProductionCode implements ImportOption {
        @Override
        public boolean includes(Location location) {
            return !location.contains("/test-classes/") && !location.contains("-tests.jar");
        }
    }

    // Rule 1: the core is pure Java (javax.crypto is the JDK's); Bouncy Castle only where passwords are hashed.
    @ArchTest
    static final ArchRule core_depends_only_on_the_jdk = classes()
            .that()
            .resideInAPackage(CORE)
            .and()
            .resideOutsideOfPackage(HASHING)
            .and()
            .resideOutsideOfPackage(IMAGING)
            .should()
            .onlyDependOnClassesThat()
            .resideInAnyPackage("java..", "javax.crypto..", CORE)
            .because("the core must embed anywhere with the JDK alone (TOTP's HMAC is javax.crypto's)");

    // ImageIO is the JDK's too (java.desktop); it stays where images are decoded and written.
    @ArchTest
    static final ArchRule image_processing_may_use_imageio = classes()
            .that()
            .resideInAPackage(IMAGING)
            .should()
            .onlyDependOnClassesThat()
            .resideInAnyPackage("java..", CORE, "javax.imageio..");

    @ArchTest
    static final ArchRule only_image_processing_uses_imageio = noClasses()
            .that()
            .resideInAPackage("dev.stockroom..")
            .and()
            .resideOutsideOfPackage(IMAGING)
            .should()
            .dependOnClassesThat()
            .resideInAPackage("javax.imageio..")
            .because("decoding untrusted images happens in one place, behind the pixel-count check");

    @ArchTest
    static final ArchRule password_hashing_may_use_bouncy_castle = classes()
            .that()
            .resideInAPackage(HASHING)
            .should()
            .onlyDependOnClassesThat()
            .resideInAnyPackage("java..", CORE, "org.bouncycastle..");

    // Rule 2: inside a feature, domain <- port <- application.
    @ArchTest
    static final ArchRule domains_see_nothing_else_of_their_feature = allOf(feature -> noClasses()
            .that()
            .resideInAPackage(featurePackage(feature, "domain"))
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(featurePackage(feature, "port"), featurePackage(feature, "application")));

    @ArchTest
    static final ArchRule ports_see_only_the_domain = allOf(feature -> noClasses()
            .that()
            .resideInAPackage(featurePackage(feature, "port"))
            .should()
            .dependOnClassesThat()
            .resideInAPackage(featurePackage(feature, "application")));

    @ArchTest
    static final ArchRule only_bootstrap_sees_the_application_services = noClasses()
            .that()
            .resideInAPackage("dev.stockroom.adapters..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("dev.stockroom.core.*.application..");

    // Rule 3: adapters see the core, never each other; each framework stays in its adapter.
    @ArchTest
    static final ArchRule rest_sees_no_other_adapter = noClasses()
            .that()
            .resideInAPackage(REST)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(PERSISTENCE, MAIL, NATIVE_HASHING, STORAGE_S3, BOOTSTRAP);

    @ArchTest
    static final ArchRule persistence_sees_no_other_adapter = noClasses()
            .that()
            .resideInAPackage(PERSISTENCE)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(REST, MAIL, NATIVE_HASHING, STORAGE_S3, BOOTSTRAP);

    @ArchTest
    static final ArchRule mail_sees_no_other_adapter = noClasses()
            .that()
            .resideInAPackage(MAIL)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(REST, PERSISTENCE, NATIVE_HASHING, STORAGE_S3, BOOTSTRAP);

    @ArchTest
    static final ArchRule s3_storage_sees_no_other_adapter = noClasses()
            .that()
            .resideInAPackage(STORAGE_S3)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(REST, PERSISTENCE, MAIL, NATIVE_HASHING, BOOTSTRAP);

    // The S3 store implements one port: of the core it sees the ports, the domain and the shared failures.
    @ArchTest
    static final ArchRule s3_storage_sees_only_ports_domain_and_shared_failures = classes()
            .that()
            .resideInAPackage(STORAGE_S3)
            .should()
            .onlyDependOnClassesThat()
            .resideInAnyPackage(
                    "java..",
                    STORAGE_S3,
                    "dev.stockroom.core.*.port..",
                    "dev.stockroom.core.*.domain..",
                    "dev.stockroom.core.shared..",
                    "software.amazon.awssdk..");

    @ArchTest
    static final ArchRule core_never_sees_the_s3_storage = noClasses()
            .that()
            .resideInAPackage(CORE)
            .should()
            .dependOnClassesThat()
            .resideInAPackage(STORAGE_S3);

    @ArchTest
    static final ArchRule aws_sdk_only_in_s3_storage = noClasses()
            .that()
            .resideInAPackage("dev.stockroom..")
            .and()
            .resideOutsideOfPackage(STORAGE_S3)
            .should()
            .dependOnClassesThat()
            .resideInAPackage("software.amazon.awssdk..")
            .because("the SDK's exceptions and clients stay behind the PhotoStore port");

    // Native hashing implements one port with core's shared Argon2id format: nothing else of the core.
    @ArchTest
    static final ArchRule native_hashing_sees_only_ports_domain_and_the_hash_format = classes()
            .that()
            .resideInAPackage(NATIVE_HASHING)
            .should()
            .onlyDependOnClassesThat()
            .resideInAnyPackage(
                    "java..",
                    NATIVE_HASHING,
                    "dev.stockroom.core.*.port..",
                    "dev.stockroom.core.*.domain..",
                    HASHING,
                    "com.sun.jna..",
                    "de.mkammerer..");

    @ArchTest
    static final ArchRule jna_and_argon2_jvm_only_in_native_hashing = noClasses()
            .that()
            .resideInAPackage("dev.stockroom..")
            .and()
            .resideOutsideOfPackage(NATIVE_HASHING)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("com.sun.jna..", "de.mkammerer..");

    @ArchTest
    static final ArchRule jax_rs_and_jwt_only_in_rest = noClasses()
            .that()
            .resideInAPackage("dev.stockroom..")
            .and()
            .resideOutsideOfPackage(REST)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("jakarta.ws.rs..", "io.jsonwebtoken..");

    @ArchTest
    static final ArchRule swagger_only_in_rest = noClasses()
            .that()
            .resideInAPackage("dev.stockroom..")
            .and()
            .resideOutsideOfPackage(REST)
            .should()
            .dependOnClassesThat()
            .resideInAPackage("io.swagger..")
            .because("the OpenAPI document is generated from the REST adapter's resources, in the adapter");

    @ArchTest
    static final ArchRule jdbi_and_liquibase_only_in_persistence_and_wiring = noClasses()
            .that()
            .resideInAPackage("dev.stockroom..")
            .and()
            .resideOutsideOfPackages(PERSISTENCE, BOOTSTRAP)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.jdbi..", "liquibase..");

    @ArchTest
    static final ArchRule simple_java_mail_only_in_mail = noClasses()
            .that()
            .resideInAPackage("dev.stockroom..")
            .and()
            .resideOutsideOfPackage(MAIL)
            .should()
            .dependOnClassesThat()
            .resideInAPackage("org.simplejavamail..");

    // Rule 4.
    @ArchTest
    static final ArchRule no_package_cycles =
            slices().matching("dev.stockroom.(**)").should().beFreeOfCycles();

    private static String featurePackage(String feature, String layer) {
        return "dev.stockroom.core." + feature + "." + layer + "..";
    }

    private static ArchRule allOf(java.util.function.Function<String, ArchRule> perFeature) {
        ArchRule rule = null;
        for (String feature : FEATURES) {
            ArchRule next = perFeature.apply(feature);
            rule = rule == null
                    ? next
                    : com.tngtech.archunit.lang.CompositeArchRule.of(rule).and(next);
        }
        return rule;
    }
}
