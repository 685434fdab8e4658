// Package logbuf is the logs' output: lines are gathered in memory and
// written in batches, so that a request never waits for a write to the
// terminal or a pipe (the access log writes a line per request). A line
// reaches the output at most FlushEvery after it was logged, and Close
// writes what is left.
package logbuf

import (
	"bufio"
	"io"
	"sync"
	"time"
)

// FlushEvery bounds how long a line waits in memory.
const FlushEvery = 200 * time.Millisecond

// Writer is a buffered, periodically flushed, concurrency-safe io.Writer.
type Writer struct {
	mu    sync.Mutex
	buf   *bufio.Writer
	stop  chan struct{}
	done  chan struct{}
	close sync.Once
}

// New starts a writer over out.
func New(out io.Writer) *Writer {
	w := &Writer{buf: bufio.NewWriterSize(out, 64<<10), stop: make(chan struct{}), done: make(chan struct{})}
	go w.flushLoop()
	return w
}

// Write keeps p (one log line) for the next flush; a full buffer is written at once.
func (w *Writer) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.buf.Write(p)
}

func (w *Writer) flushLoop() {
	defer close(w.done)
	t := time.NewTicker(FlushEvery)
	defer t.Stop()
	for {
		select {
		case <-t.C:
			w.Flush()
		case <-w.stop:
			return
		}
	}
}

// Flush writes what is waiting.
func (w *Writer) Flush() error {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.buf.Flush()
}

// Close stops the periodic flush and writes what is left.
func (w *Writer) Close() error {
	w.close.Do(func() { close(w.stop) })
	<-w.done
	return w.Flush()
}
