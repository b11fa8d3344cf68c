"""The words of the exercises and predictions in Chinese (简体中文), one table per topic."""
