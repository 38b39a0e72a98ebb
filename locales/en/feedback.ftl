# "Was this helpful?" under the answers to typed questions.

feedback-helpful-button = 👍 Helpful
feedback-unhelpful-button = 👎 Not helpful
feedback-thanks = Thank you! Glad it helped.
feedback-sorry = Sorry this did not help. You can ask the department directly:
feedback-already = You have already rated this answer. Thank you!
feedback-unknown = This answer can no longer be rated. Thank you all the same!
