"""The window's side of 四查三比对."""
