package org.runops.oms;

/**
 * The data moved under a query while it was paged: the total changed between pages, or a row came
 * back on two pages (page 2 repeating page 1). The pages do not add up to one consistent answer;
 * asking again usually does. {@link OmsQuery#fetchAll()} does that once by itself.
 */
public final class OmsDataChangedException extends OmsException {
    private static final long serialVersionUID = 1L;

    public OmsDataChangedException(String message) {
        super(message);
    }
}
