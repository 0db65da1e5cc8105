"""Where documents come from and how bytes become text: readers, noise, segmentation, samples."""
