package org.citelens.index;

import java.io.IOException;

/**
 * The store cannot answer now, through no fault of the request: e.g. a shard of a SolrCloud collection has no live
 * replica. The API answers 503 with Retry-After; the caller may try again later.
 */
public final class StoreUnavailableException extends IOException {
    private static final long serialVersionUID = 1L;

    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
