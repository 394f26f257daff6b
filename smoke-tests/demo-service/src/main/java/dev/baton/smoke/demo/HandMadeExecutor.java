package dev.baton.smoke.demo;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * An executor of the kind applications write by hand: one long-lived worker thread, started with
 * the service, taking tasks from a queue. Nothing hands the submitter's context over, so the
 * tasks lose the request's trace: the path the trace gap report must find.
 */
final class HandMadeExecutor implements Executor {

  private final BlockingQueue<Runnable> queue = new LinkedBlockingQueue<>();

  HandMadeExecutor() {
    Thread worker = new Thread(this::work, "hand-made-worker");
    worker.setDaemon(true);
    worker.start();
  }

  @Override
  public void execute(Runnable task) {
    queue.add(task);
  }

  private void work() {
    while (true) {
      try {
        queue.take().run();
      } catch (InterruptedException e) {
        return;
      } catch (RuntimeException e) {
        // the task's own failure; the worker goes on
      }
    }
  }
}
