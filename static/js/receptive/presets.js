/**
 * receptive/presets.js: named stacks for the preset menu, in the API's `layers` form
 * ("k,s,p[,d];..." from the input up), each with an input size that shows it well.
 * Labels are i18n keys "rf.preset.<id>" (strings.js).
 */
export const PRESETS = [
  // 3x3 "same" convs then a 2x2 pool: r0 = 1 + 2 + 2 + 1 = 6 with a jump of 2 after the pool
  { id: "vgg", layers: "3,1,1;3,1,1;2,2,0", size: 32 },
  { id: "vgg2", layers: "3,1,1;3,1,1;2,2,0;3,1,1;3,1,1;2,2,0", size: 32 },
  // every stride multiplies the jump, so each later kernel counts double
  { id: "strided", layers: "3,2,1;3,2,1;3,2,1", size: 32 },
  // dilations 1, 2, 4 (each next d at most the previous span): a solid 15 x 15 field
  { id: "dil124", layers: "3,1,1;3,1,2,2;3,1,4,4", size: 32 },
  // the same dilation twice: only every other pixel is ever read (the gridding artefact)
  { id: "dil22", layers: "3,1,2,2;3,1,2,2", size: 24 },
  // conv1 11/4 (padding 2), pool 3/2, conv2 5/1 (padding 2), pool 3/2: r0 = 67
  { id: "alexnet", layers: "11,4,2;3,2,0;5,1,2;3,2,0", size: 96 },
  // a 3x3 pool with ceil_mode: 9 -> 5 positions instead of 4 (the last window hangs over)
  { id: "poolceil", layers: "3,1,1;pool:3,2,0,ceil;3,1,1", size: 9 },
  // down by a strided conv, back up by a transposed conv: the field depends on the position
  { id: "updown", layers: "3,2,1;convT:4,2,1", size: 16 },
  // eight 3x3 convs: r0 grows by 2 a layer, the effective width only like sqrt(n) (issue 11)
  { id: "deep3", layers: "3,1,1;3,1,1;3,1,1;3,1,1;3,1,1;3,1,1;3,1,1;3,1,1", size: 48 },
];
