package dev.stockroom.bootstrap;

import com.codahale.metrics.health.HealthCheck;
import java.time.Duration;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.util.component.LifeCycle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The first step of a graceful stop. When the Jetty server begins to stop (SIGTERM: Jetty's
 * shutdown hook), before it closes a port, the "draining" health check turns unhealthy and the
 * stop waits {@code delay} while every request is still answered as usual: a load balancer polling
 * {@code /healthcheck} takes the instance out of rotation meanwhile. Then Jetty closes the ports and
 * gives the requests in flight {@code server.shutdownGracePeriod} to finish, and only after that
 * are the managed objects (mail relay, housekeeping, pool) stopped.
 */
final class Draining extends HealthCheck implements LifeCycle.Listener {
    private static final Logger LOG = LoggerFactory.getLogger(Draining.class);

    private final Duration delay;
    private volatile boolean draining;

    Draining(Duration delay) {
        this.delay = delay;
    }

    boolean isDraining() {
        return draining;
    }

    @Override
    public void lifeCycleStopping(LifeCycle event) {
        if (!(event instanceof Server) || draining) {
            return;
        }
        draining = true;
        if (delay.isZero() || delay.isNegative()) {
            return;
        }
        LOG.info("Stopping: health reports draining for {} ms before the ports close", delay.toMillis());
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    protected Result check() {
        return draining ? Result.unhealthy("draining: this instance is stopping") : Result.healthy("serving");
    }
}
