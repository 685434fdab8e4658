package messages

// LoadList is loadList, for the external tests.
var LoadList = loadList
