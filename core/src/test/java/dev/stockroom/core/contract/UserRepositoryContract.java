package dev.stockroom.core.contract;

import static dev.stockroom.core.contract.Samples.T0;
import static dev.stockroom.core.contract.Samples.newUser;
import static dev.stockroom.core.contract.Samples.unique;
import static dev.stockroom.core.contract.Samples.verifiedAdmin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stockroom.core.account.domain.AccountFailure;
import dev.stockroom.core.account.domain.AuthStatus;
import dev.stockroom.core.account.domain.EmailAddress;
import dev.stockroom.core.account.domain.PersonName;
import dev.stockroom.core.account.domain.Role;
import dev.stockroom.core.account.domain.User;
import dev.stockroom.core.account.domain.UserId;
import dev.stockroom.core.account.domain.UserQuery;
import dev.stockroom.core.account.domain.Username;
import dev.stockroom.core.account.port.out.UserRepository;
import dev.stockroom.core.shared.LanguageTag;
import dev.stockroom.core.shared.Page;
import dev.stockroom.core.shared.PageRequest;
import dev.stockroom.core.shared.Transactions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** What every {@link UserRepository} must do. Extend it and hand in the adapter under test. */
public abstract class UserRepositoryContract {

    protected abstract UserRepository users();

    /**
     * A store of its own with no user in it, and the transactions of that store. Counting the
     * enabled admins counts every user of a store, which a store shared by the whole test class
     * (or JVM) cannot keep to one test's users.
     */
    protected abstract EmptyStore emptyStore();

    /** The users of a store with nobody in it yet, and its transactions. */
    public record EmptyStore(UserRepository users, Transactions transactions) {}

    @Test
    void gives_back_every_field_of_a_stored_user() {
        User user = verifiedAdmin();
        users().add(user);

        User found = users().findById(user.id()).orElseThrow();

        assertThat(found).isEqualTo(user);
        assertThat(found.username().value()).isEqualTo(user.username().value());
        assertThat(found.email().value()).isEqualTo(user.email().value());
        assertThat(found.firstName()).isEqualTo(user.firstName());
        assertThat(found.lastName()).isEqualTo(user.lastName());
        assertThat(found.passwordHash()).isEqualTo(user.passwordHash());
        assertThat(found.status()).isEqualTo(user.status());
        assertThat(found.role()).isEqualTo(user.role());
        assertThat(found.createdAt()).isEqualTo(user.createdAt());
        assertThat(found.updatedAt()).isEqualTo(user.updatedAt());
        assertThat(found.isDisabled()).isTrue();
        assertThat(found.lastLoginAt()).isEqualTo(user.lastLoginAt()).isPresent();
        assertThat(found.locale()).isEqualTo(new LanguageTag("de-CH"));
    }

    @Test
    void an_update_writes_the_names_and_the_language() {
        User user = newUser();
        users().add(user);
        User changed = user.withProfile(
                new PersonName("Zoë"), new PersonName("Ó Briain"), new LanguageTag("pt-br"), T0.plusSeconds(30));

        users().update(changed);

        User found = users().findById(user.id()).orElseThrow();
        assertThat(found).isEqualTo(changed);
        assertThat(found.firstName().value()).isEqualTo("Zoë");
        assertThat(found.lastName().value()).isEqualTo("Ó Briain");
        assertThat(found.locale().value()).isEqualTo("pt-BR");
        assertThat(users().findByIdForUpdate(user.id())).contains(changed);
    }

    @Test
    void gives_back_an_enabled_user_that_never_logged_in() {
        User user = newUser();
        users().add(user);

        User found = users().findById(user.id()).orElseThrow();

        assertThat(found).isEqualTo(user);
        assertThat(found.isDisabled()).isFalse();
        assertThat(found.lastLoginAt()).isEmpty();
    }

    @Test
    void keeps_names_outside_ascii() {
        User user = newUser();
        users().add(user);

        assertThat(users().findById(user.id()).orElseThrow().lastName().value()).isEqualTo("Łukasiewicz-O'Brien");
    }

    @Test
    void finds_nothing_for_unknown_keys() {
        assertThat(users().findById(UserId.random())).isEmpty();
        assertThat(users().findByUsername(new Username("nobody_" + unique()))).isEmpty();
        assertThat(users().findByEmail(new EmailAddress("nobody." + unique() + "@example.test")))
                .isEmpty();
    }

    @Test
    void finds_by_username_without_regard_to_case() {
        User user = verifiedAdmin();
        users().add(user);

        Username shouted = new Username(user.username().value().toUpperCase(Locale.ROOT));
        Username whispered = new Username(user.username().value().toLowerCase(Locale.ROOT));

        assertThat(users().findByUsername(shouted)).contains(user);
        assertThat(users().findByUsername(whispered)).contains(user);
        assertThat(users().findByUsername(user.username())).contains(user);
    }

    @Test
    void finds_by_email_without_regard_to_case() {
        User user = verifiedAdmin();
        users().add(user);

        EmailAddress shouted = new EmailAddress(user.email().value().toUpperCase(Locale.ROOT));
        EmailAddress whispered = new EmailAddress(user.email().value().toLowerCase(Locale.ROOT));

        assertThat(users().findByEmail(shouted)).contains(user);
        assertThat(users().findByEmail(whispered)).contains(user);
    }

    @Test
    void refuses_a_username_taken_in_another_case() {
        User first = newUser();
        users().add(first);
        User second = withIdentity(newUser(), first.username().value().toUpperCase(Locale.ROOT), null);

        assertThatThrownBy(() -> users().add(second)).isInstanceOf(AccountFailure.UsernameTaken.class);
        assertThat(users().findById(second.id())).isEmpty();
        assertThat(users().findByEmail(second.email())).isEmpty();
    }

    @Test
    void refuses_an_email_taken_in_another_case() {
        User first = newUser();
        users().add(first);
        User second = withIdentity(newUser(), null, first.email().value().toUpperCase(Locale.ROOT));

        assertThatThrownBy(() -> users().add(second)).isInstanceOf(AccountFailure.EmailTaken.class);
        assertThat(users().findById(second.id())).isEmpty();
        assertThat(users().findByUsername(second.username())).isEmpty();
    }

    @Test
    void lets_exactly_one_of_several_concurrent_registrations_of_one_username_in() throws Exception {
        String username = "racer_" + unique();
        AtomicInteger taken = new AtomicInteger();

        List<Boolean> added = Race.run(8, () -> {
            try {
                users().add(withIdentity(newUser(), username, null));
                return true;
            } catch (AccountFailure.UsernameTaken e) {
                taken.incrementAndGet();
                return false;
            }
        });

        assertThat(added).containsOnlyOnce(true);
        assertThat(taken).hasValue(7);
        assertThat(users().findByUsername(new Username(username))).isPresent();
    }

    @Test
    void replaces_a_stored_user_on_update() {
        User user = newUser();
        users().add(user);
        User changed = user.verified(T0.plusSeconds(60))
                .withPasswordHash("$argon2id$v=19$new" + unique(), T0.plusSeconds(120))
                .withRole(Role.ADMIN, T0.plus(Duration.ofMinutes(3)).plusNanos(1_000));

        users().update(changed);

        assertThat(users().findById(user.id())).contains(changed);
        assertThat(users().findByUsername(user.username())).contains(changed);
        assertThat(users().findByEmail(user.email())).contains(changed);
    }

    @Test
    void removing_a_user_frees_the_username_and_email_and_leaves_the_others() {
        User user = newUser();
        User other = newUser();
        users().add(user);
        users().add(other);

        assertThat(users().remove(user.id())).isTrue();

        assertThat(users().findById(user.id())).isEmpty();
        assertThat(users().findByUsername(user.username())).isEmpty();
        assertThat(users().findByEmail(user.email())).isEmpty();
        assertThat(users().findById(other.id())).contains(other);
        assertThat(users().remove(user.id())).isFalse();
        User again = User.register(
                UserId.random(),
                user.firstName(),
                user.lastName(),
                user.username(),
                user.email(),
                "$argon2id$v=19$x",
                T0);
        users().add(again);
        assertThat(users().findByEmail(user.email())).contains(again);
    }

    @Test
    void leaves_other_users_alone_on_update() {
        User user = newUser();
        User other = newUser();
        users().add(user);
        users().add(other);

        users().update(user.verified(T0.plusSeconds(5)));

        assertThat(users().findById(other.id())).contains(other);
    }

    @Test
    void stores_disabling_and_enabling_on_update() {
        User user = newUser();
        users().add(user);
        User disabled = user.withDisabled(true, T0.plusSeconds(1));

        users().update(disabled);
        assertThat(users().findById(user.id())).contains(disabled);

        User enabled = disabled.withDisabled(false, T0.plusSeconds(2));
        users().update(enabled);
        assertThat(users().findById(user.id())).contains(enabled);
    }

    @Test
    void records_a_login_and_moves_it_at_each_one() {
        User user = newUser();
        users().add(user);
        Instant first = T0.plus(Duration.ofHours(1)).plusNanos(1_000);
        Instant second = first.plusSeconds(90);

        users().recordLogin(user.id(), first);
        assertThat(users().findById(user.id())).contains(user.loggedIn(first));

        users().recordLogin(user.id(), second);
        assertThat(users().findById(user.id()).orElseThrow().lastLoginAt()).contains(second);
    }

    @Test
    void records_a_login_without_touching_anything_else_of_the_user() {
        User user = newUser();
        users().add(user);
        User changed = user.verified(T0.plusSeconds(5)).withRole(Role.ADMIN, T0.plusSeconds(6));
        users().update(changed);

        users().recordLogin(user.id(), T0.plusSeconds(7));

        assertThat(users().findById(user.id())).contains(changed.loggedIn(T0.plusSeconds(7)));
    }

    @Test
    void records_no_login_for_an_unknown_user() {
        UserId nobody = UserId.random();

        users().recordLogin(nobody, T0);

        assertThat(users().findById(nobody)).isEmpty();
    }

    @Test
    void an_update_keeps_the_last_login_whatever_the_user_it_writes_says() {
        User user = newUser();
        users().add(user);
        Instant login = T0.plusSeconds(30);
        users().recordLogin(user.id(), login);

        // Read before the login: it knows of no login.
        User stale = user.withDisabled(true, T0.plusSeconds(40));
        users().update(stale);
        assertThat(users().findById(user.id())).contains(stale.loggedIn(login));

        // Or claims another one.
        User claimsOther = stale.withRole(Role.ADMIN, T0.plusSeconds(50)).loggedIn(T0.plusSeconds(999));
        users().update(claimsOther);
        assertThat(users().findById(user.id())).contains(claimsOther.loggedIn(login));
    }

    @Test
    void finds_the_users_whose_username_or_email_contains_the_search_without_regard_to_case() {
        String token = unique();
        String shouted = token.toUpperCase(Locale.ROOT);
        User inUsername = add(user("Ab" + shouted + "Cd", "inname." + unique() + "@example.test", T0));
        User inEmail = add(user("mail_" + unique(), "X" + shouted + "y@Example.TEST", T0.plusSeconds(1)));
        User inBoth = add(user("both_" + token, "both." + token + "@example.test", T0.plusSeconds(2)));
        add(user("neither_" + unique(), "neither." + unique() + "@example.test", T0));

        assertThat(find(search(token))).isEqualTo(page(List.of(inUsername, inEmail, inBoth), 3, 1, 20));
        assertThat(find(search("  " + shouted.substring(3, 15) + " ")).items())
                .containsExactly(inUsername, inEmail, inBoth);
        assertThat(find(search("inname." + token)).items()).isEmpty();
    }

    @Test
    void finds_nobody_when_nothing_matches() {
        assertThat(find(search("nobody-" + unique()))).isEqualTo(page(List.of(), 0, 1, 20));
    }

    @Test
    void matches_the_wildcards_and_escape_characters_of_a_search_literally() {
        String token = unique();
        User percent = add(user("p_" + unique(), token + "%x@example.test", T0));
        add(user("pa_" + unique(), token + "ax@example.test", T0));
        User underscore = add(user(token + "_y", "u." + unique() + "@example.test", T0));
        add(user(token + "zy", "uz." + unique() + "@example.test", T0));
        User backslash = add(user("b_" + unique(), token + "\\v@example.test", T0));
        add(user("bv_" + unique(), token + "v@example.test", T0));
        User bang = add(user("e_" + unique(), token + "!q@example.test", T0));
        add(user("eq_" + unique(), token + "q@example.test", T0));

        assertThat(find(search(token + "%x")).items()).containsExactly(percent);
        assertThat(find(search(token + "_y")).items()).containsExactly(underscore);
        assertThat(find(search(token + "\\v")).items()).containsExactly(backslash);
        assertThat(find(search(token + "!q")).items()).containsExactly(bang);
        assertThat(find(search(token + "%")).items()).containsExactly(percent);
        assertThat(find(search(token + "_")).items()).containsExactly(underscore);
    }

    @Test
    void filters_by_status_role_and_disabled_and_combines_the_filters() {
        String token = unique();
        User fresh = add(user(token + "_a", AuthStatus.NEW, Role.USER, false, T0));
        User verified = add(user(token + "_b", AuthStatus.VERIFIED, Role.USER, false, T0.plusSeconds(1)));
        User admin = add(user(token + "_c", AuthStatus.VERIFIED, Role.ADMIN, false, T0.plusSeconds(2)));
        User disabledAdmin = add(user(token + "_d", AuthStatus.VERIFIED, Role.ADMIN, true, T0.plusSeconds(3)));
        User disabledFresh = add(user(token + "_e", AuthStatus.NEW, Role.USER, true, T0.plusSeconds(4)));
        Optional<String> mine = Optional.of(token);

        assertThat(find(query(mine, Optional.of(AuthStatus.VERIFIED), Optional.empty(), Optional.empty()))
                        .items())
                .containsExactly(verified, admin, disabledAdmin);
        assertThat(find(query(mine, Optional.of(AuthStatus.NEW), Optional.empty(), Optional.empty()))
                        .items())
                .containsExactly(fresh, disabledFresh);
        assertThat(find(query(mine, Optional.empty(), Optional.of(Role.ADMIN), Optional.empty()))
                        .items())
                .containsExactly(admin, disabledAdmin);
        assertThat(find(query(mine, Optional.empty(), Optional.of(Role.USER), Optional.empty()))
                        .items())
                .containsExactly(fresh, verified, disabledFresh);
        assertThat(find(query(mine, Optional.empty(), Optional.empty(), Optional.of(true)))
                        .items())
                .containsExactly(disabledAdmin, disabledFresh);
        assertThat(find(query(mine, Optional.empty(), Optional.empty(), Optional.of(false)))
                        .items())
                .containsExactly(fresh, verified, admin);
        Page<User> enabledVerifiedAdmins =
                find(query(mine, Optional.of(AuthStatus.VERIFIED), Optional.of(Role.ADMIN), Optional.of(false)));
        assertThat(enabledVerifiedAdmins).isEqualTo(page(List.of(admin), 1, 1, 20));
        assertThat(find(query(mine, Optional.of(AuthStatus.NEW), Optional.of(Role.ADMIN), Optional.empty()))
                        .total())
                .isZero();
    }

    @Test
    void filters_every_user_of_the_store_without_a_search() {
        User disabledAdmin = add(user("nosearch_" + unique(), AuthStatus.NEW, Role.ADMIN, true, T0));
        UserQuery disabledAdmins =
                query(Optional.empty(), Optional.of(AuthStatus.NEW), Optional.of(Role.ADMIN), Optional.of(true));
        long before = find(disabledAdmins).total();
        add(user("nosearch_" + unique(), AuthStatus.NEW, Role.ADMIN, true, T0));
        add(user("nosearch_" + unique(), AuthStatus.NEW, Role.ADMIN, false, T0));

        Page<User> all = find(disabledAdmins);

        assertThat(all.total()).isEqualTo(before + 1).isGreaterThanOrEqualTo(2);
        assertThat(find(UserQuery.all()).total()).isGreaterThanOrEqualTo(all.total() + 1);
        assertThat(all.items()).allMatch(u -> u.isDisabled() && u.role() == Role.ADMIN && u.status() == AuthStatus.NEW);
        assertThat(users().findById(disabledAdmin.id())).isPresent();
    }

    @Test
    void lists_the_oldest_account_first_and_accounts_of_the_same_age_by_id() {
        String token = unique();
        Instant tie = T0.plusSeconds(10).plusNanos(1_000);
        User newest = add(user(token + "_1", AuthStatus.NEW, Role.USER, false, T0.plusSeconds(20)));
        List<User> tied = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            tied.add(add(user(token + "_tie" + i, AuthStatus.NEW, Role.USER, false, tie)));
        }
        User oldest = add(user(token + "_2", AuthStatus.NEW, Role.USER, false, T0.minusSeconds(1)));
        tied.sort(Comparator.comparing(u -> u.id().value().toString()));
        List<User> expected = new ArrayList<>();
        expected.add(oldest);
        expected.addAll(tied);
        expected.add(newest);

        assertThat(find(search(token)).items()).containsExactlyElementsOf(expected);
    }

    @Test
    void pages_through_the_matches_and_counts_them_all() {
        String token = unique();
        List<User> stored = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            stored.add(add(user(token + "_" + i, AuthStatus.NEW, Role.USER, false, T0.plusSeconds(i))));
        }

        Page<User> first = find(paged(token, 1, 2));
        Page<User> last = find(paged(token, 3, 2));
        Page<User> beyond = find(paged(token, 4, 2));
        Page<User> farBeyond = find(paged(token, Integer.MAX_VALUE, PageRequest.MAX_PAGE_SIZE));

        assertThat(first).isEqualTo(page(stored.subList(0, 2), 5, 1, 2));
        assertThat(first.hasNext()).isTrue();
        assertThat(find(paged(token, 2, 2))).isEqualTo(page(stored.subList(2, 4), 5, 2, 2));
        assertThat(last).isEqualTo(page(stored.subList(4, 5), 5, 3, 2));
        assertThat(last.hasNext()).isFalse();
        assertThat(beyond).isEqualTo(page(List.of(), 5, 4, 2));
        assertThat(farBeyond.items()).isEmpty();
        assertThat(farBeyond.total()).isEqualTo(5);
        assertThat(find(paged(token, 1, 5)).items()).containsExactlyElementsOf(stored);
    }

    @Test
    void counts_the_enabled_users_of_a_role_and_no_one_else() {
        EmptyStore store = emptyStore();
        store.users().add(user("admin_" + unique(), AuthStatus.VERIFIED, Role.ADMIN, false, T0));
        User secondAdmin = user("admin_" + unique(), AuthStatus.NEW, Role.ADMIN, false, T0);
        store.users().add(secondAdmin);
        store.users().add(user("off_" + unique(), AuthStatus.VERIFIED, Role.ADMIN, true, T0));
        store.users().add(user("user_" + unique(), AuthStatus.VERIFIED, Role.USER, false, T0));
        store.users().add(user("offuser_" + unique(), AuthStatus.VERIFIED, Role.USER, true, T0));

        assertThat(countInTransaction(store, Role.ADMIN)).isEqualTo(2);
        assertThat(countInTransaction(store, Role.USER)).isEqualTo(1);

        store.users().update(secondAdmin.withDisabled(true, T0.plusSeconds(1)));
        assertThat(countInTransaction(store, Role.ADMIN)).isEqualTo(1);
        // Outside a transaction too, though it then locks nothing for long.
        assertThat(store.users().countEnabledWithRoleForUpdate(Role.USER)).isEqualTo(1);
    }

    /**
     * Two admins each demote the other at once, each only while another enabled admin is left:
     * the second to count waits for the first to end and then counts one. Without the lock each
     * would count two (the other's change is not committed yet) and none would be left.
     */
    @Test
    void two_transactions_that_count_the_admins_to_demote_one_each_cannot_both_succeed() throws Exception {
        EmptyStore store = emptyStore();
        User first = user("first_" + unique(), AuthStatus.VERIFIED, Role.ADMIN, false, T0);
        User second = user("second_" + unique(), AuthStatus.VERIFIED, Role.ADMIN, false, T0);
        store.users().add(first);
        store.users().add(second);
        CountDownLatch firstCounted = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<Boolean> firstDemoted = threads.submit(() -> demoteUnlessLast(store, first, () -> {
                firstCounted.countDown();
                // Time for the second to reach its count while this transaction holds the lock.
                pause(Duration.ofMillis(200));
            }));
            Future<Boolean> secondDemoted = threads.submit(() -> {
                assertThat(firstCounted.await(30, TimeUnit.SECONDS)).isTrue();
                return demoteUnlessLast(store, second, () -> {});
            });

            assertThat(List.of(firstDemoted.get(60, TimeUnit.SECONDS), secondDemoted.get(60, TimeUnit.SECONDS)))
                    .containsExactly(true, false);
        } finally {
            threads.shutdownNow();
        }
        assertThat(countInTransaction(store, Role.ADMIN)).isEqualTo(1);
        assertThat(store.users().findById(second.id()).orElseThrow().role()).isEqualTo(Role.ADMIN);
    }

    /** The use cases' rule: demote only while another enabled admin is left. */
    private static boolean demoteUnlessLast(EmptyStore store, User admin, Runnable afterCounting) {
        return store.transactions().inTransaction(() -> {
            int admins = store.users().countEnabledWithRoleForUpdate(Role.ADMIN);
            afterCounting.run();
            if (admins <= 1) {
                return false;
            }
            store.users().update(admin.withRole(Role.USER, T0.plusSeconds(1)));
            return true;
        });
    }

    private static int countInTransaction(EmptyStore store, Role role) {
        return store.transactions().inTransaction(() -> store.users().countEnabledWithRoleForUpdate(role));
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private User add(User user) {
        users().add(user);
        return user;
    }

    private Page<User> find(UserQuery query) {
        return users().find(query);
    }

    private static User user(String username, String email, Instant createdAt) {
        return Samples.user(username, email, AuthStatus.NEW, Role.USER, false, createdAt);
    }

    private static User user(String username, AuthStatus status, Role role, boolean disabled, Instant createdAt) {
        return Samples.user(username, "m." + unique() + "@example.test", status, role, disabled, createdAt);
    }

    private static UserQuery search(String text) {
        return query(Optional.of(text), Optional.empty(), Optional.empty(), Optional.empty());
    }

    private static UserQuery paged(String text, int page, int pageSize) {
        return new UserQuery(
                Optional.of(text),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                new PageRequest(page, pageSize));
    }

    private static UserQuery query(
            Optional<String> search, Optional<AuthStatus> status, Optional<Role> role, Optional<Boolean> disabled) {
        return new UserQuery(search, status, role, disabled, PageRequest.first());
    }

    private static Page<User> page(List<User> items, long total, int page, int pageSize) {
        return new Page<>(items, total, page, pageSize);
    }

    /** A copy of {@code user} with another username and/or email (null keeps the user's own). */
    private static User withIdentity(User user, String username, String email) {
        return User.rehydrate(
                user.id(),
                user.firstName(),
                user.lastName(),
                username == null ? user.username() : new Username(username),
                email == null ? user.email() : new EmailAddress(email),
                user.passwordHash(),
                user.status(),
                user.role(),
                user.createdAt(),
                user.updatedAt());
    }
}
