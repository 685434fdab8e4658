package components

import (
	"slices"
	"testing"
)

func TestPageWindow(t *testing.T) {
	for _, tc := range []struct {
		page, pages int
		want        []int
	}{
		{1, 1, []int{1}},
		{1, 3, []int{1, 2, 3}},
		{1, 250, []int{1, 2, 3, 0, 250}},
		{120, 250, []int{1, 0, 118, 119, 120, 121, 122, 0, 250}},
		{250, 250, []int{1, 0, 248, 249, 250}},
		{4, 7, []int{1, 2, 3, 4, 5, 6, 7}},
		{5, 9, []int{1, 0, 3, 4, 5, 6, 7, 0, 9}},
	} {
		if got := PageWindow(tc.page, tc.pages); !slices.Equal(got, tc.want) {
			t.Errorf("page %d of %d: %v, want %v", tc.page, tc.pages, got, tc.want)
		}
	}
}
