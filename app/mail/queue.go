package mail

import (
	"context"
	"fmt"
	"log/slog"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/riverqueue/river"
	"github.com/riverqueue/river/riverdriver/riverpgxv5"
)

// SendArgs is the job that sends one email.
type SendArgs struct {
	Message Message `json:"message"`
}

// Kind names the job in River's table.
func (SendArgs) Kind() string { return "email" }

// InsertOpts: an email is retried for about a day before it is given up.
func (SendArgs) InsertOpts() river.InsertOpts {
	return river.InsertOpts{MaxAttempts: 20, Queue: river.QueueDefault}
}

type sendWorker struct {
	river.WorkerDefaults[SendArgs]
	sender  Sender
	backoff func(attempt int) time.Duration
}

func (w *sendWorker) Work(ctx context.Context, job *river.Job[SendArgs]) error {
	return w.sender.Send(ctx, job.Args.Message)
}

func (w *sendWorker) Timeout(*river.Job[SendArgs]) time.Duration { return time.Minute }

// NextRetry waits longer after each failure, so that a mail server that is
// down for a while is not hammered.
func (w *sendWorker) NextRetry(job *river.Job[SendArgs]) time.Time {
	return time.Now().Add(w.backoff(job.Attempt))
}

// Backoff is the default wait before the n-th retry: 10 s, 20 s, 40 s… up to an hour.
func Backoff(attempt int) time.Duration {
	d := 10 * time.Second
	for i := 1; i < attempt && d < time.Hour; i++ {
		d *= 2
	}
	return min(d, time.Hour)
}

// QueueOptions tune the queue; zero values take the defaults.
type QueueOptions struct {
	Backoff      func(attempt int) time.Duration
	PollInterval time.Duration
	Log          *slog.Logger
}

// Queue enqueues emails in the caller's transaction and, once started, sends
// them. River locks each job for one worker: with several app instances an
// email is still sent once.
type Queue struct {
	client   *river.Client[pgx.Tx]
	renderer *Renderer
}

// NewQueue builds the queue on the app's pool.
func NewQueue(pool *pgxpool.Pool, renderer *Renderer, sender Sender, o QueueOptions) (*Queue, error) {
	if o.Backoff == nil {
		o.Backoff = Backoff
	}
	if o.Log == nil {
		o.Log = slog.Default()
	}
	if o.PollInterval == 0 {
		o.PollInterval = river.FetchPollIntervalDefault
	}
	workers := river.NewWorkers()
	river.AddWorker(workers, &sendWorker{sender: sender, backoff: o.Backoff})
	client, err := river.NewClient(riverpgxv5.New(pool), &river.Config{
		Queues:  map[string]river.QueueConfig{river.QueueDefault: {MaxWorkers: 5}},
		Workers: workers,
		// A sent email's job holds its link: keep it no longer than the link lives.
		CompletedJobRetentionPeriod: time.Hour,
		FetchPollInterval:           o.PollInterval,
		FetchCooldown:               min(o.PollInterval, river.FetchCooldownDefault),
		Logger:                      o.Log,
	})
	if err != nil {
		return nil, fmt.Errorf("mail queue: %w", err)
	}
	return &Queue{client: client, renderer: renderer}, nil
}

// Start begins sending.
func (q *Queue) Start(ctx context.Context) error { return q.client.Start(ctx) }

// Stop finishes the emails being sent and stops.
func (q *Queue) Stop(ctx context.Context) error { return q.client.Stop(ctx) }

// Enqueue renders an email and adds it to the queue within tx: it is sent only
// if the change that caused it commits.
func (q *Queue) Enqueue(ctx context.Context, tx pgx.Tx, to, subject string, c Content) error {
	msg, err := q.renderer.Render(to, subject, c)
	if err != nil {
		return fmt.Errorf("render email: %w", err)
	}
	if _, err := q.client.InsertTx(ctx, tx, SendArgs{Message: msg}, nil); err != nil {
		return fmt.Errorf("enqueue email: %w", err)
	}
	return nil
}
