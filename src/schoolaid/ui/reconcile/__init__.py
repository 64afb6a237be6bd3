"""The window's side of 四查三比对: importing the lists, and the 比对核查 view of the differences and their checks."""
