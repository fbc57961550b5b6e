package dev.rocketmqtx.camel.producer;

import java.util.function.Predicate;

import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.Route;
import org.apache.camel.spi.Synchronization;
import org.apache.camel.spi.UnitOfWork;

/**
 * The exchange's unit of work while the local-transaction route runs, unchanged except that it notices how the
 * outermost {@code transacted()} boundary opened inside the route ended.
 * <p>
 * Why: Camel's transaction error handler, at the end of a boundary that rolled back because the route called
 * {@code markRollbackOnlyLast()}, clears that flag and the exception so that an outer transaction is not affected.
 * The exchange then looks clean although the database work was rolled back, and would map to COMMIT: a message
 * without its row. When the boundary ends ({@link #endTransactedBy}), before that cleaning, a rollback still shows as
 * an exception or a rollback-only flag. Boundaries nested in another one inside the route are not the local
 * transaction's outcome (an inner REQUIRES_NEW transaction may roll back while the outer one commits), so only the
 * outermost counts.
 */
final class TransactedBoundaryWatch implements UnitOfWork {

    private final UnitOfWork delegate;
    private final Exchange exchange;
    private int depth;
    private boolean rolledBack;
    private boolean committed;

    TransactedBoundaryWatch(UnitOfWork delegate, Exchange exchange) {
        this.delegate = delegate;
        this.exchange = exchange;
    }

    /** True when the outermost transacted boundary opened by the route rolled back. */
    boolean outermostBoundaryRolledBack() {
        return rolledBack;
    }

    /** True when the route opened a transacted boundary and its outermost one committed. */
    boolean outermostBoundaryCommitted() {
        return committed && !rolledBack;
    }

    @Override
    public void beginTransactedBy(Object key) {
        depth++;
        delegate.beginTransactedBy(key);
    }

    @Override
    public void endTransactedBy(Object key) {
        if (--depth == 0) {
            if (exchange.getException() != null || exchange.isRollbackOnly() || exchange.isRollbackOnlyLast()) {
                rolledBack = true;
            } else {
                committed = true;
            }
        }
        delegate.endTransactedBy(key);
    }

    // ---- everything else is the exchange's own unit of work ----

    @Override
    public void reset() {
        delegate.reset();
    }

    @Override
    public boolean onPrepare(Exchange exchange) {
        return delegate.onPrepare(exchange);
    }

    @Override
    public void addSynchronization(Synchronization synchronization) {
        delegate.addSynchronization(synchronization);
    }

    @Override
    public void removeSynchronization(Synchronization synchronization) {
        delegate.removeSynchronization(synchronization);
    }

    @Override
    public boolean containsSynchronization(Synchronization synchronization) {
        return delegate.containsSynchronization(synchronization);
    }

    @Override
    public void handoverSynchronization(Exchange target) {
        delegate.handoverSynchronization(target);
    }

    @Override
    public void handoverSynchronization(Exchange target, Predicate<Synchronization> filter) {
        delegate.handoverSynchronization(target, filter);
    }

    @Override
    public void done(Exchange exchange) {
        delegate.done(exchange);
    }

    @Override
    public void beforeRoute(Exchange exchange, Route route) {
        delegate.beforeRoute(exchange, route);
    }

    @Override
    public void afterRoute(Exchange exchange, Route route) {
        delegate.afterRoute(exchange, route);
    }

    @Override
    public Message getOriginalInMessage() {
        return delegate.getOriginalInMessage();
    }

    @Override
    public boolean isTransacted() {
        return delegate.isTransacted();
    }

    @Override
    public boolean isTransactedBy(Object key) {
        return delegate.isTransactedBy(key);
    }

    @Override
    public Route getRoute() {
        return delegate.getRoute();
    }

    @Override
    public void pushRoute(Route route) {
        delegate.pushRoute(route);
    }

    @Override
    public Route popRoute() {
        return delegate.popRoute();
    }

    @Override
    public int routeStackLevel() {
        return delegate.routeStackLevel();
    }

    @Override
    public int routeStackLevel(boolean includeRouteTemplate, boolean includeKamelet) {
        return delegate.routeStackLevel(includeRouteTemplate, includeKamelet);
    }

    @Override
    public boolean isBeforeAfterProcess() {
        return delegate.isBeforeAfterProcess();
    }

    @Override
    public AsyncCallback beforeProcess(Processor processor, Exchange exchange, AsyncCallback callback) {
        return delegate.beforeProcess(processor, exchange, callback);
    }

    @Override
    public void afterProcess(Processor processor, Exchange exchange, AsyncCallback callback, boolean doneSync) {
        delegate.afterProcess(processor, exchange, callback, doneSync);
    }

    @Override
    public UnitOfWork createChildUnitOfWork(Exchange childExchange) {
        return delegate.createChildUnitOfWork(childExchange);
    }

    @Override
    public void setParentUnitOfWork(UnitOfWork parentUnitOfWork) {
        delegate.setParentUnitOfWork(parentUnitOfWork);
    }
}
