// Package boundaries holds no code: its test checks the rooms of the
// application, that is which packages may import which (see
// boundaries_test.go). A feature that needs another's code moves that code
// to a shared package instead.
package boundaries
