package benchdata

// rowSource feeds pgx's CopyFrom from a function that fills the i-th row,
// so that no table's rows are ever all in memory (2,000,000 periods at L).
type rowSource struct {
	n, i int
	row  []any
	fill func(i int, row []any) error
	err  error
}

func newSource(n, columns int, fill func(i int, row []any) error) *rowSource {
	return &rowSource{n: n, i: -1, row: make([]any, columns), fill: fill}
}

func (s *rowSource) Next() bool {
	s.i++
	if s.err != nil || s.i >= s.n {
		return false
	}
	s.err = s.fill(s.i, s.row)
	return s.err == nil
}

func (s *rowSource) Values() ([]any, error) { return s.row, s.err }
func (s *rowSource) Err() error             { return s.err }
