"""The Romanian NER pipeline: training code, config, and the trained model directory."""
