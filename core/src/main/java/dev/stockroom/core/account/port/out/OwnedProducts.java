package dev.stockroom.core.account.port.out;

import dev.stockroom.core.account.domain.UserId;

/**
 * What becomes of the products of an account being deleted: the catalogue implements it (deleting
 * them, or keeping them under an anonymous owner, as configured); {@link #NONE} stands in where no
 * catalogue is wired. Called outside any transaction of the account's, before and after the
 * account goes, so that a product added meanwhile is not left behind.
 */
public interface OwnedProducts {

    /** No catalogue: nobody owns products. */
    OwnedProducts NONE = owner -> 0;

    /**
     * Deletes the owner's products, or moves them to the anonymous owner.
     *
     * @return how many products this call dealt with
     */
    int releaseAllOf(UserId owner);
}
