"""The 比对核查 view of 四查三比对: the differences between the lists and the rosters, and their checks."""
