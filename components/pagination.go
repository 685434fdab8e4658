package components

// PageWindow is the page numbers a pagination links: the first, the last,
// and two on each side of the current one; 0 marks a gap ("…"). A list of
// thousands of pages (a national mailbox: 250) would otherwise be 250
// links to read through, and 50 KB of page.
func PageWindow(page, pages int) []int {
	var out []int
	for n := 1; n <= pages; n++ {
		if n == 1 || n == pages || (n >= page-2 && n <= page+2) {
			out = append(out, n)
		} else if len(out) > 0 && out[len(out)-1] != 0 {
			out = append(out, 0)
		}
	}
	return out
}
