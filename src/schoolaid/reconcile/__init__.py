"""四查三比对: the household register, the poverty list and the student registry compared with the roster."""
