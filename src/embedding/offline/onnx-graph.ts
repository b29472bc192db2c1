// The offline model as an ONNX graph: a weighted bag of token vectors, summed inside the graph.
//   input_ids, attention_mask [batch, sequence] → Gather(table) × mask → ReduceSum(sequence)
//   → last_hidden_state [batch, 1, dim]
// The "tokens" output stops before the sum ([batch, sequence, dim]) to exercise transformers.js's
// JavaScript mean pooling instead. The int8 variant gathers quantised rows first and dequantises only those.
import onnxProto from 'onnx-proto';
import type { onnx as OnnxTypes } from 'onnx-proto';
import type { QuantizedTable } from './quantize.js';

const { onnx } = onnxProto;
const DataType = onnx.TensorProto.DataType;
const AttributeType = onnx.AttributeProto.AttributeType;

/** transformers.js 2.x runs onnxruntime-node 1.14: IR version ≤ 8, opset ≤ 18. */
const IR_VERSION = 8;
const OPSET = 13;

export type OutputShape = 'pooled' | 'tokens';

export interface GraphInfo {
  readonly producerVersion: string;
  readonly output: OutputShape;
}

function tensor(name: string, dims: number[], dataType: number, bytes: ArrayBufferView): OnnxTypes.ITensorProto {
  // Raw data is little-endian by the ONNX spec, as are the typed arrays on every platform Node runs on.
  return { name, dims, dataType, rawData: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength) };
}

function node(opType: string, inputs: string[], output: string, attributes: OnnxTypes.IAttributeProto[] = []): OnnxTypes.INodeProto {
  return { opType, name: output, input: inputs, output: [output], attribute: attributes };
}

function intAttribute(name: string, value: number): OnnxTypes.IAttributeProto {
  return { name, type: AttributeType.INT, i: value };
}

function valueInfo(name: string, elemType: number, dims: Array<string | number>): OnnxTypes.IValueInfoProto {
  const shapeDims = dims.map((d) => (typeof d === 'string' ? { dimParam: d } : { dimValue: d }));
  return { name, type: { tensorType: { elemType, shape: { dim: shapeDims } } } };
}

/** Mask [batch, sequence] int64 → [batch, sequence, 1] float, for broadcasting over the vector dimension. */
function maskNodes(): OnnxTypes.INodeProto[] {
  return [
    node('Cast', ['attention_mask'], 'mask_float', [intAttribute('to', DataType.FLOAT)]),
    node('Unsqueeze', ['mask_float', 'last_axis'], 'mask'),
  ];
}

/** Float table: Gather rows, zero padded positions. Produces 'weighted_tokens'. */
function floatLookup(table: Float32Array, dim: number): { nodes: OnnxTypes.INodeProto[]; initializers: OnnxTypes.ITensorProto[] } {
  return {
    initializers: [tensor('token_vectors', [table.length / dim, dim], DataType.FLOAT, table)],
    nodes: [node('Gather', ['token_vectors', 'input_ids'], 'tokens', [intAttribute('axis', 0)]), node('Mul', ['tokens', 'mask'], 'weighted_tokens')],
  };
}

/** Int8 table with one scale per row: Gather rows and scales, fold the mask into the scales, dequantise. */
function int8Lookup(table: QuantizedTable, dim: number): { nodes: OnnxTypes.INodeProto[]; initializers: OnnxTypes.ITensorProto[] } {
  const rows = table.scales.length;
  return {
    initializers: [
      tensor('token_vectors_int8', [rows, dim], DataType.INT8, table.values),
      tensor('token_scales', [rows, 1], DataType.FLOAT, table.scales),
    ],
    nodes: [
      node('Gather', ['token_vectors_int8', 'input_ids'], 'tokens_int8', [intAttribute('axis', 0)]),
      node('Gather', ['token_scales', 'input_ids'], 'scales', [intAttribute('axis', 0)]),
      node('Mul', ['scales', 'mask'], 'masked_scales'),
      node('Cast', ['tokens_int8'], 'tokens_float', [intAttribute('to', DataType.FLOAT)]),
      node('Mul', ['tokens_float', 'masked_scales'], 'weighted_tokens'),
    ],
  };
}

function encodeModel(
  dim: number,
  lookup: { nodes: OnnxTypes.INodeProto[]; initializers: OnnxTypes.ITensorProto[] },
  info: GraphInfo,
): Uint8Array {
  const pooled = info.output === 'pooled';
  const outputNodes = pooled
    ? [node('ReduceSum', ['weighted_tokens', 'sequence_axis'], 'last_hidden_state', [intAttribute('keepdims', 1)])]
    : [node('Identity', ['weighted_tokens'], 'last_hidden_state')];
  const axes = [tensor('last_axis', [1], DataType.INT64, BigInt64Array.of(-1n))];
  if (pooled) axes.push(tensor('sequence_axis', [1], DataType.INT64, BigInt64Array.of(1n)));
  const model: OnnxTypes.IModelProto = {
    irVersion: IR_VERSION,
    opsetImport: [{ domain: '', version: OPSET }],
    producerName: 'offline-static-embedding-generator',
    producerVersion: info.producerVersion,
    graph: {
      name: 'weighted_bag_of_tokens',
      node: [...maskNodes(), ...lookup.nodes, ...outputNodes],
      initializer: [...axes, ...lookup.initializers],
      input: [valueInfo('input_ids', DataType.INT64, ['batch', 'sequence']), valueInfo('attention_mask', DataType.INT64, ['batch', 'sequence'])],
      output: [valueInfo('last_hidden_state', DataType.FLOAT, ['batch', pooled ? 1 : 'sequence', dim])],
    },
  };
  return onnx.ModelProto.encode(onnx.ModelProto.create(model)).finish();
}

export function encodeFloatModel(table: Float32Array, dim: number, info: GraphInfo): Uint8Array {
  return encodeModel(dim, floatLookup(table, dim), info);
}

export function encodeInt8Model(table: QuantizedTable, dim: number, info: GraphInfo): Uint8Array {
  return encodeModel(dim, int8Lookup(table, dim), info);
}
